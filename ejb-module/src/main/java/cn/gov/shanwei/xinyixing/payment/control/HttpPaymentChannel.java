package cn.gov.shanwei.xinyixing.payment.control;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The payment platform over its HTTP API: {@code POST /v1/contracts/pre-sign} and
 * {@code POST /v1/contracts/{id}/terminate}, JSON, identified by our merchant id.
 */
public final class HttpPaymentChannel implements PaymentChannel {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String merchantId;

    public HttpPaymentChannel(URI base, String merchantId) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.merchantId = merchantId;
    }

    @Override
    public String requestSigning(String requestNo, String paymentAccountNo, String notifyUrl) {
        String body = Json.createObjectBuilder()
                .add("merchantId", merchantId).add("requestNo", requestNo)
                .add("paymentAccountNo", paymentAccountNo).add("notifyUrl", notifyUrl)
                .add("planName", "汕尾公交乘车码免密支付").build().toString();
        HttpResponse<String> response = post("v1/contracts/pre-sign", body);
        return Json.createReader(new StringReader(response.body())).readObject().getString("signUrl");
    }

    @Override
    public void terminate(String contractId) {
        post("v1/contracts/" + contractId + "/terminate",
                Json.createObjectBuilder().add("merchantId", merchantId).build().toString());
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new PaymentChannelException("Payment platform answered " + response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new PaymentChannelException("Payment platform unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentChannelException("Interrupted");
        }
    }
}
