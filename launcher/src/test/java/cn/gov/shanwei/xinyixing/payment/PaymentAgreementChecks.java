package cn.gov.shanwei.xinyixing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The password-free payment agreement (R9) against the stand-in payment platform: signing through
 * its page and signed notification, refusal, frozen accounts, forged notifications, cancellation.
 */
public abstract class PaymentAgreementChecks {

    private static MiniProgramClient citizenWithAccount() throws Exception {
        MiniProgramClient app = MiniProgramClient.asCitizen(TestPeople.shanwei(), "孙八");
        assertEquals(201, app.openAccount("STANDARD").statusCode());
        return app;
    }

    private static HttpResponse<String> credential(MiniProgramClient app) throws Exception {
        return app.post("/api/mp/v1/credential", "{\"userPublicKey\":\""
                + Base64.getEncoder().encodeToString(SmCrypto.generateSm2KeyPair().publicKey().encoded()) + "\"}");
    }

    @Test
    void noCredentialBeforeTheAgreementIsSigned() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        assertEquals("NONE", PaymentAgreementSteps.state(app));
        HttpResponse<String> refused = credential(app);
        assertEquals(422, refused.statusCode());
        assertEquals("PAYMENT_AGREEMENT_REQUIRED", Http.json(refused).getString("code"));
    }

    @Test
    void aRefusedAgreementLeavesTheCodeUnavailable() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        PaymentAgreementSteps.sign(app, false);
        assertEquals("REFUSED", PaymentAgreementSteps.state(app));
        assertEquals("PAYMENT_AGREEMENT_REQUIRED", Http.json(credential(app)).getString("code"));
    }

    @Test
    void aSignedAgreementAllowsCredentialsUntilTheAccountIsFrozen() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
        assertEquals(200, credential(app).statusCode());

        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(request, "ACCOUNT_FROZEN"));
        assertEquals("BLOCKED", PaymentAgreementSteps.state(app));
        assertEquals("PAYMENT_BLOCKED", Http.json(credential(app)).getString("code"));

        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(request, "ACCOUNT_UNFROZEN"));
        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(request, "ACCOUNT_UNFROZEN"), "a repeat is harmless");
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
    }

    @Test
    void forgedOrUnknownNotificationsChangeNothing() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        byte[] body = ("{\"event\":\"CONTRACT_TERMINATED\",\"requestNo\":\"" + request + "\"}").getBytes(StandardCharsets.UTF_8);
        String notifyUrl = RunningSystem.paymentPlatform().notifyUrlOf(request);

        byte[] forged = SmCrypto.sign(SmCrypto.generateSm2KeyPair().privateKey(), body);
        assertEquals(401, RunningSystem.paymentPlatform().send(notifyUrl, body, forged));
        assertEquals(401, RunningSystem.paymentPlatform().send(notifyUrl, body, new byte[3]));
        assertEquals(404, RunningSystem.paymentPlatform().sendSigned(notifyUrl,
                "{\"event\":\"CONTRACT_TERMINATED\",\"requestNo\":\"" + "0".repeat(32) + "\"}"));
        assertEquals(400, RunningSystem.paymentPlatform().sendSigned(notifyUrl,
                "{\"event\":\"SOMETHING_ELSE\",\"requestNo\":\"" + request + "\"}"));
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
    }

    @Test
    void theCitizenCanCancelTheAgreement() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        PaymentAgreementSteps.sign(app, true);
        HttpResponse<String> cancelled = app.delete("/api/mp/v1/payment-agreement");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", PaymentAgreementSteps.state(app));
        assertEquals(422, app.delete("/api/mp/v1/payment-agreement").statusCode());
    }
}
