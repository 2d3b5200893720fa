package cn.gov.shanwei.xinyixing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.launcher.PaymentPlatformStub;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Charging (R9) against the stand-in payment platform: the citizen's arrears and repayment in the
 * mini-program, and the platform's notifications about deductions and repayments.
 */
public abstract class ChargingChecks {

    private static PaymentPlatformStub platform() {
        return RunningSystem.paymentPlatform();
    }

    @Test
    void aCitizenWhoOwesNothingHasNothingToRepay() throws Exception {
        MiniProgramClient app = MiniProgramClient.asCitizen(TestPeople.shanwei(), "周九");
        assertEquals(201, app.openAccount("STANDARD").statusCode());
        PaymentAgreementSteps.sign(app, true);

        JsonObject arrears = Http.json(app.get("/api/mp/v1/arrears"));
        assertFalse(arrears.getBoolean("owes"));
        assertEquals(0, arrears.getJsonNumber("owedFen").longValue());
        assertTrue(arrears.getJsonArray("orders").isEmpty());

        HttpResponse<String> refused = app.post("/api/mp/v1/arrears/repayment", "");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("NO_ARREARS", Http.json(refused).getString("code"));
        assertTrue(Http.json(refused).getString("message").contains(" / "), "中文 / English");
    }

    @Test
    void notificationsAboutOrdersWeNeverMadeAreRefusedAndForgedOnesToo() throws Exception {
        MiniProgramClient app = MiniProgramClient.asCitizen(TestPeople.shanwei(), "吴十");
        assertEquals(201, app.openAccount("STANDARD").statusCode());
        String request = PaymentAgreementSteps.sign(app, true);
        String notifyUrl = platform().notifyUrlOf(request);
        String unknown = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventTime\":\"" + OffsetDateTime.now()
                + "\",\"event\":\"DEDUCTION_SUCCEEDED\",\"outTradeNo\":\"XYXD9999999999999999999\",\"transactionId\":\"1\"}";
        HttpResponse<String> answer = platform().sendSignedForAnswer(notifyUrl, unknown);
        assertEquals(404, answer.statusCode(), answer.body());
        assertEquals("UNKNOWN_ORDER", Http.json(answer).getString("code"));

        byte[] body = unknown.getBytes(StandardCharsets.UTF_8);
        assertEquals(401, platform().send(notifyUrl, body, SmCrypto.sign(SmCrypto.generateSm2KeyPair().privateKey(), body)));
    }
}
