package cn.gov.shanwei.xinyixing.payment.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

/**
 * The payment platform over its HTTP API, JSON, identified by our merchant id:
 * <ul>
 * <li>{@code POST v1/contracts/pre-sign}, {@code POST v1/contracts/{id}/terminate} (the agreement);</li>
 * <li>{@code POST v1/deductions} and {@code GET v1/deductions/{outTradeNo}} (one order per ride);</li>
 * <li>{@code POST v1/repayments} and {@code GET v1/repayments/{repaymentNo}};</li>
 * <li>{@code GET v1/users/state?contractId=…};</li>
 * <li>{@code GET v1/bills?billDate=YYYY-MM-DD} (the daily bill, {@link BillFile}; its digest in {@code X-Bill-Digest}).</li>
 * </ul>
 * How answers are read (documented for platform adapters in the README, "Charging"): HTTP 2xx with
 * {@code "code":"SUCCESS"} is an accepted order, whose {@code status} may already be final on a
 * repeat; a 4xx with a code is a final refusal; a 404 {@code ORDER_NOT_EXIST} to a query means the
 * order never arrived; a timeout, a connection failure, 408, 429 and 5xx mean "no answer" (send the
 * same order again later). Collection calls are asynchronous so that one worker keeps many in flight.
 */
public final class HttpPaymentChannel implements PaymentChannel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String merchantId;
    private final Duration timeout;

    public HttpPaymentChannel(URI base, String merchantId, Duration timeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.merchantId = merchantId;
        this.timeout = timeout;
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

    @Override
    public CompletableFuture<PlatformAnswer> deduct(DeductionOrder order) {
        String body = Json.createObjectBuilder()
                .add("merchantId", merchantId).add("contractId", order.contractId())
                .add("outTradeNo", order.orderNo()).add("amountFen", order.amountFen())
                .add("originalFen", order.originalFen()).add("rideTime", TIME.format(order.riddenAt()))
                .add("description", "汕尾公交乘车").add("notifyUrl", order.notifyUrl()).build().toString();
        return exchange(postRequest("v1/deductions", body)).thenApply(HttpPaymentChannel::orderReply);
    }

    @Override
    public CompletableFuture<PlatformAnswer> queryDeduction(String orderNo) {
        return exchange(getRequest("v1/deductions/" + orderNo + "?merchantId=" + encode(merchantId)))
                .thenApply(HttpPaymentChannel::queryReply);
    }

    @Override
    public CompletableFuture<PlatformAnswer> repay(RepaymentOrder order) {
        JsonArrayBuilder orders = Json.createArrayBuilder();
        order.orderNos().forEach(orders::add);
        String body = Json.createObjectBuilder()
                .add("merchantId", merchantId).add("contractId", order.contractId())
                .add("repaymentNo", order.repaymentNo()).add("amountFen", order.amountFen())
                .add("orders", orders).add("notifyUrl", order.notifyUrl()).build().toString();
        return exchange(postRequest("v1/repayments", body)).thenApply(HttpPaymentChannel::orderReply);
    }

    @Override
    public CompletableFuture<PlatformAnswer> queryRepayment(String repaymentNo) {
        return exchange(getRequest("v1/repayments/" + repaymentNo + "?merchantId=" + encode(merchantId)))
                .thenApply(HttpPaymentChannel::queryReply);
    }

    @Override
    public CompletableFuture<UserState> userState(String contractId) {
        return exchange(getRequest("v1/users/state?merchantId=" + encode(merchantId) + "&contractId=" + encode(contractId)))
                .thenApply(response -> {
                    if (response == null || response.statusCode() != 200) {
                        return UserState.UNKNOWN;
                    }
                    String state = text(read(response.body()), "userState");
                    try {
                        return state == null ? UserState.UNKNOWN : UserState.valueOf(state);
                    } catch (IllegalArgumentException e) {
                        return UserState.UNKNOWN;
                    }
                });
    }

    @Override
    public BillDownload bill(LocalDate billDate) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/bills?merchantId=" + encode(merchantId) + "&billDate=" + billDate))
                // A busy day's bill is a few megabytes: it may take longer than one order
                .timeout(timeout.multipliedBy(6)).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return BillDownload.ready(response.body(), response.headers().firstValue("X-Bill-Digest").orElse(null));
            }
            if (response.statusCode() == 404 && "BILL_NOT_READY".equals(
                    text(read(new String(response.body(), StandardCharsets.UTF_8)), "code"))) {
                return BillDownload.of(BillDownload.Status.NOT_READY, "BILL_NOT_READY");
            }
            return BillDownload.of(BillDownload.Status.NO_ANSWER, "HTTP_" + response.statusCode());
        } catch (IOException e) {
            return BillDownload.of(BillDownload.Status.NO_ANSWER, "UNREACHABLE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BillDownload.of(BillDownload.Status.NO_ANSWER, "INTERRUPTED");
        }
    }

    /** The reply to a new order or repayment. {@code null} response: no answer at all. */
    static PlatformAnswer orderReply(HttpResponse<String> response) {
        if (silent(response)) {
            return PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
        }
        JsonObject body = read(response.body());
        String code = text(body, "code");
        if (response.statusCode() / 100 == 2 && "SUCCESS".equals(code)) {
            // A repeated order may already be final at the platform
            PlatformAnswer status = status(body);
            return status.kind() == PlatformAnswer.Kind.PROCESSING ? PlatformAnswer.of(PlatformAnswer.Kind.ACCEPTED) : status;
        }
        if (response.statusCode() / 100 == 4) {
            return PlatformAnswer.failed(code == null ? "HTTP_" + response.statusCode() : code);
        }
        return PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
    }

    /** The answer to a query about an order or repayment. */
    static PlatformAnswer queryReply(HttpResponse<String> response) {
        if (silent(response)) {
            return PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
        }
        JsonObject body = read(response.body());
        if (response.statusCode() == 404 && "ORDER_NOT_EXIST".equals(text(body, "code"))) {
            return PlatformAnswer.of(PlatformAnswer.Kind.NOT_FOUND);
        }
        if (response.statusCode() != 200) {
            return PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
        }
        return status(body);
    }

    private static PlatformAnswer status(JsonObject body) {
        String status = text(body, "status");
        if (status == null) {
            return PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
        }
        return switch (status) {
            case "ACCEPTED", "PROCESSING" -> PlatformAnswer.of(PlatformAnswer.Kind.PROCESSING);
            case "SUCCESS" -> new PlatformAnswer(PlatformAnswer.Kind.SUCCEEDED, null, text(body, "transactionId"),
                    time(text(body, "successTime")));
            case "FAILED" -> PlatformAnswer.failed(text(body, "failReason") == null ? "FAILED" : text(body, "failReason"));
            default -> PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
        };
    }

    private static boolean silent(HttpResponse<String> response) {
        return response == null || response.statusCode() == 408 || response.statusCode() == 429
                || response.statusCode() >= 500;
    }

    private static JsonObject read(String body) {
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString string ? string.getString() : null;
    }

    /** An ISO-8601 time with offset, or {@code null} if absent or unreadable (the caller then takes its own clock). */
    private static Instant time(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest postRequest(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest getRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET().build();
    }

    /** The response, or {@code null} for silence (timeout, no connection): never an exception. */
    private CompletableFuture<HttpResponse<String>> exchange(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionally(e -> null);
    }

    private HttpResponse<String> post(String path, String json) {
        HttpRequest request = postRequest(path, json);
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
