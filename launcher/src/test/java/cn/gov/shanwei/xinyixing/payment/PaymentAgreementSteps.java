package cn.gov.shanwei.xinyixing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.system.Http;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The steps of signing the payment agreement, as the citizen goes through them. */
public final class PaymentAgreementSteps {

    private PaymentAgreementSteps() {
    }

    /** Starts signing in the mini-program and answers on the platform's page; returns the request number. */
    public static String sign(MiniProgramClient app, boolean agree) throws Exception {
        HttpResponse<String> started = app.post("/api/mp/v1/payment-agreement", "");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject signing = Http.json(started);
        String page = signing.getString("signUrl") + (agree ? "" : "&decision=refuse");
        HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals(200, Http.json(answered).getInt("notified"), "the platform's notification was accepted");
        return signing.getString("requestNo");
    }

    public static String state(MiniProgramClient app) throws Exception {
        return Http.json(app.get("/api/mp/v1/payment-agreement")).getString("status");
    }
}
