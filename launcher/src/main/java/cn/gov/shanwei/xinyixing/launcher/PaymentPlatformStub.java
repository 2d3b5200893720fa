package cn.gov.shanwei.xinyixing.launcher;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the payment platform's agreement API, for the embedded system and its tests. It
 * takes pre-sign requests, serves the page where the citizen would confirm
 * ({@code /sign?requestNo=…&decision=agree|refuse}), and then posts the asynchronous notification
 * to the system, signed with its SM2 key, as the real platform does. Tests can also make it report
 * a frozen account or arrears.
 */
public final class PaymentPlatformStub implements AutoCloseable {

    private static final Pattern REQUEST_NO = Pattern.compile("\"requestNo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NOTIFY_URL = Pattern.compile("\"notifyUrl\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Sm2PrivateKey key;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> notifyUrls = new ConcurrentHashMap<>();
    private final Map<String, String> contracts = new ConcurrentHashMap<>();

    private PaymentPlatformStub(HttpServer server, Sm2PrivateKey key) {
        this.server = server;
        this.key = key;
    }

    public static PaymentPlatformStub start(int port, Sm2PrivateKey key) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        PaymentPlatformStub stub = new PaymentPlatformStub(server, key);
        server.createContext("/v1/contracts/", stub::contracts);
        server.createContext("/sign", stub::sign);
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
        }
        return notifyEvent(requestNo, agree ? "CONTRACT_SIGNED" : "CONTRACT_REFUSED");
    }

    /** Sends a signed notification of any event (ACCOUNT_FROZEN, ARREARS, ACCOUNT_UNFROZEN …); returns the HTTP status. */
    public int notifyEvent(String requestNo, String event) {
        String contract = contracts.get(requestNo);
        return sendSigned(notifyUrls.get(requestNo), "{\"event\":\"" + event + "\",\"requestNo\":\"" + requestNo + "\""
                + (contract == null ? "" : ",\"contractId\":\"" + contract + "\"") + "}");
    }

    /** Signs any body with the platform's key and sends it, for tests of odd but authentic notifications. */
    public int sendSigned(String notifyUrl, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(notifyUrl, body, SmCrypto.sign(key, body));
    }

    /** Sends a body with any signature, for tests of forged notifications. */
    public int send(String notifyUrl, byte[] body, byte[] signature) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(notifyUrl))
                            .header("Content-Type", "application/json")
                            .header("X-Signature", Base64.getEncoder().encodeToString(signature))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot notify " + notifyUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
    }
}
