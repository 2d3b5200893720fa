package cn.gov.shanwei.xinyixing.launcher;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the payment platform, for the embedded system and its tests. It takes pre-sign
 * requests, serves the page where the citizen would confirm
 * ({@code /sign?requestNo=…&decision=agree|refuse}), and then posts the asynchronous notification
 * to the system, signed with its SM2 key, as the real platform does (each notification with its
 * event id and time). Tests can also make it report a frozen account or arrears, and replay or
 * delay notifications.
 *
 * <p>It also collects money as WeChat Pay's transit deduction (代扣) does, speaking the protocol
 * the README's "Charging" section describes: deduction orders ({@code POST /v1/deductions},
 * idempotent by {@code outTradeNo}, answered "SUCCESS" = accepted and settled a moment later,
 * notified only on success), order queries, repayments of several orders at once, and the user's
 * state. Each contract has a balance and a user state; {@link #faults(String)} switches, per
 * contract, the channel faults: requests that get no reply (before or after the order is taken),
 * duplicate notifications, a notification that overtakes the reply, and no notification at all.
 */
public final class PaymentPlatformStub implements AutoCloseable {

    private static final Pattern REQUEST_NO = Pattern.compile("\"requestNo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NOTIFY_URL = Pattern.compile("\"notifyUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Sm2PrivateKey key;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> notifyUrls = new ConcurrentHashMap<>();
    private final Map<String, String> contracts = new ConcurrentHashMap<>();
    private final Map<String, String> sent = new ConcurrentHashMap<>();
    private final Map<String, String> requestOfContract = new ConcurrentHashMap<>();
    private final ExecutorService serving = Executors.newFixedThreadPool(16, PaymentStubCollections.daemon("payment-stub-http"));
    private final PaymentStubCollections collections = new PaymentStubCollections(this::sendSignedForAnswer, this::sendSignedAsync);
    private final PaymentStubBills bills = new PaymentStubBills(collections);

    private PaymentPlatformStub(HttpServer server, Sm2PrivateKey key) {
        this.server = server;
        this.key = key;
    }

    public static PaymentPlatformStub start(int port, Sm2PrivateKey key) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        PaymentPlatformStub stub = new PaymentPlatformStub(server, key);
        server.createContext("/v1/contracts/", stub::contracts);
        server.createContext("/sign", stub::sign);
        server.createContext("/v1/deductions", stub.collections::deductions);
        server.createContext("/v1/repayments", stub.collections::repayments);
        server.createContext("/v1/users/state", stub.collections::userState);
        server.createContext("/v1/bills", stub.bills::bills);
        server.setExecutor(stub.serving);
        server.start();
        return stub;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** What the citizen does on the platform's page: agree or refuse; the platform then notifies. */
    public int decide(String requestNo, boolean agree) {
        String contractId = agree ? "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) : null;
        if (contractId != null) {
            contracts.put(requestNo, contractId);
            requestOfContract.put(contractId, requestNo);
            collections.open(contractId);
        }
        return notifyEvent(requestNo, agree ? "CONTRACT_SIGNED" : "CONTRACT_REFUSED");
    }

    /**
     * Sends a signed notification of any event (ACCOUNT_FROZEN, ARREARS, ACCOUNT_UNFROZEN …) as a
     * new event, with a fresh event id and the current time; returns the HTTP status.
     */
    public int notifyEvent(String requestNo, String event) {
        return notifyEvent(requestNo, event, UUID.randomUUID().toString(), OffsetDateTime.now(ZoneOffset.ofHours(8)))
                .statusCode();
    }

    /** Sends a signed notification with the given event id and time (for replays and late deliveries). */
    public HttpResponse<String> notifyEvent(String requestNo, String event, String eventId, OffsetDateTime eventTime) {
        String body = notification(requestNo, event, eventId, eventTime);
        sent.put(requestNo + "/" + event, body);
        return sendSignedForAnswer(notifyUrls.get(requestNo), body);
    }

    /** Sends again, byte for byte, the last notification of this event for this request (a replay). */
    public HttpResponse<String> replay(String requestNo, String event) {
        String body = sent.get(requestNo + "/" + event);
        if (body == null) {
            throw new IllegalStateException("No " + event + " was sent for " + requestNo);
        }
        return sendSignedForAnswer(notifyUrls.get(requestNo), body);
    }

    /**
     * The notification body as the platform writes it: {@code eventId} (unique per event, kept
     * on every retry), {@code eventTime} (ISO-8601 with offset, when the event happened),
     * {@code event}, {@code requestNo} and, once signed, {@code contractId}.
     */
    public String notification(String requestNo, String event, String eventId, OffsetDateTime eventTime) {
        String contract = contracts.get(requestNo);
        return "{\"eventId\":\"" + eventId + "\",\"eventTime\":\"" + eventTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "\",\"event\":\"" + event + "\",\"requestNo\":\"" + requestNo + "\""
                + (contract == null ? "" : ",\"contractId\":\"" + contract + "\"") + "}";
    }

    /** Signs any body with the platform's key and sends it, for tests of odd but authentic notifications. */
    public int sendSigned(String notifyUrl, String json) {
        return sendSignedForAnswer(notifyUrl, json).statusCode();
    }

    /** Signs any body with the platform's key and sends it; returns the system's whole answer. */
    public HttpResponse<String> sendSignedForAnswer(String notifyUrl, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return exchange(notifyUrl, body, SmCrypto.sign(key, body));
    }

    /** Signs a body and sends it without waiting, as a platform notifies many orders at once. */
    CompletableFuture<HttpResponse<String>> sendSignedAsync(String notifyUrl, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return http.sendAsync(HttpRequest.newBuilder(URI.create(notifyUrl))
                        .header("Content-Type", "application/json")
                        .header("X-Signature", Base64.getEncoder().encodeToString(SmCrypto.sign(key, body)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a body with any signature, for tests of forged notifications. */
    public int send(String notifyUrl, byte[] body, byte[] signature) {
        return exchange(notifyUrl, body, signature).statusCode();
    }

    private HttpResponse<String> exchange(String notifyUrl, byte[] body, byte[] signature) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(notifyUrl))
                            .header("Content-Type", "application/json")
                            .header("X-Signature", Base64.getEncoder().encodeToString(signature))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot notify " + notifyUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The contract the platform made for a signing request (null until the citizen agreed). */
    public String contractOf(String requestNo) {
        return contracts.get(requestNo);
    }

    /** Deductions, repayments, balances, user states and the switchable channel faults. */
    public PaymentStubCollections collections() {
        return collections;
    }

    /** The daily bills, and how a day's is made wrong. */
    public PaymentStubBills bills() {
        return bills;
    }

    /** The faults switched on for one contract (all off at first). */
    public PaymentStubCollections.Faults faults(String contractId) {
        return collections.faults(contractId);
    }

    public String notifyUrlOf(String requestNo) {
        return notifyUrls.get(requestNo);
    }

    private void contracts(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestURI().getPath().endsWith("/pre-sign")) {
            Matcher request = REQUEST_NO.matcher(body);
            Matcher notify = NOTIFY_URL.matcher(body);
            if (!request.find() || !notify.find()) {
                StubResponses.json(exchange, 400, "{\"code\":\"PARAM_ERROR\"}");
                return;
            }
            notifyUrls.put(request.group(1), notify.group(1));
            StubResponses.json(exchange, 200, "{\"signUrl\":\"" + url() + "sign?requestNo=" + request.group(1) + "\"}");
        } else if (exchange.getRequestURI().getPath().endsWith("/terminate")) {
            StubResponses.json(exchange, 200, "{\"code\":\"SUCCESS\"}");
        } else {
            StubResponses.json(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
        }
    }

    private void sign(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        String requestNo = query.replaceAll(".*requestNo=([0-9a-f]+).*", "$1");
        boolean agree = !query.contains("decision=refuse");
        int status = decide(requestNo, agree);
        StubResponses.json(exchange, 200, "{\"decision\":\"" + (agree ? "agree" : "refuse") + "\",\"notified\":" + status + "}");
    }

    @Override
    public void close() {
        server.stop(0);
        collections.close();
        serving.shutdownNow();
    }
}
