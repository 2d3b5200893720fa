package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.bouncycastle.crypto.digests.SM3Digest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A JDK HTTP server speaking the validator API's documented contract, to exercise the kit's client: it checks the
 * signature with its own canonical string and HMAC ({@link RequestSignerTest#hmacSm3ByHand}), keeps
 * (device, serial) → record for the upload's idempotency, and answers what the test scripts.
 */
final class FakeValidatorApi implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String path, String query, String body, String nonce, boolean signatureValid) {
    }

    /** What to answer: status, body, extra headers; {@code null} to answer normally. */
    record Reply(int status, String body, Map<String, String> headers) {
        /** The connection closes without an answer. */
        static final Reply DROP = new Reply(-1, "", Map.of());

        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Scripted answers, taken first to last before the normal behaviour. */
    final List<Function<Request, Reply>> script = Collections.synchronizedList(new ArrayList<>());
    final Map<Long, String> stored = new ConcurrentHashMap<>();
    /** Serials the server answers INVALID. */
    final java.util.Set<Long> invalid = ConcurrentHashMap.newKeySet();
    /** At most this many records of a batch are committed and listed as deletable (a partial acknowledgement). */
    volatile int commitAtMost = Integer.MAX_VALUE;
    volatile String syncBody;

    private final HttpServer server;
    private final byte[] secret;

    FakeValidatorApi(byte[] secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Request request = new Request(exchange.getRequestMethod(), path, query,
                new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-Nonce"), signatureValid(exchange, path, query, body));
        requests.add(request);
        Reply reply = null;
        if (!script.isEmpty()) {
            reply = script.remove(0).apply(request);
        }
        if (reply == null) {
            reply = request.signatureValid() ? normal(request)
                    : Reply.of(401, "{\"code\":\"SIGNATURE_INVALID\",\"message\":\"签名无效 / Signature is invalid\"}");
        }
        if (reply.status() < 0) {
            // a connection that dies before the answer
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    private boolean signatureValid(HttpExchange exchange, String path, String query, byte[] body) {
        var h = exchange.getRequestHeaders();
        String device = h.getFirst("X-Device-Id");
        String timestamp = h.getFirst("X-Timestamp");
        String nonce = h.getFirst("X-Nonce");
        String signature = h.getFirst("X-Signature");
        if (device == null || timestamp == null || nonce == null || signature == null) {
            return false;
        }
        SM3Digest sm3 = new SM3Digest();
        sm3.update(body, 0, body.length);
        byte[] hash = new byte[32];
        sm3.doFinal(hash, 0);
        String canonical = String.join("\n", exchange.getRequestMethod(), path, query == null ? "" : query,
                timestamp, nonce, HexFormat.of().formatHex(hash));
        return HexFormat.of().formatHex(RequestSignerTest.hmacSm3ByHand(secret,
                canonical.getBytes(StandardCharsets.UTF_8))).equals(signature);
    }

    /** The contract's answer (also for scripts that commit and then lose the answer). */
    Reply normal(Request request) {
        if (request.path().endsWith("/sync")) {
            return Reply.of(200, syncBody);
        }
        if (request.path().endsWith("/trips")) {
            JsonObject in = Json.createReader(new StringReader(request.body())).readObject();
            var results = Json.createArrayBuilder();
            var deletable = Json.createArrayBuilder();
            int committed = 0;
            for (var value : in.getJsonArray("records")) {
                JsonObject record = value.asJsonObject();
                long serial = record.getJsonNumber("serial").longValue();
                String status;
                if (invalid.contains(serial)) {
                    status = "INVALID";
                } else if (committed >= commitAtMost) {
                    continue; // not answered: the client must send it again
                } else {
                    String previous = stored.putIfAbsent(serial, record.toString());
                    status = previous == null ? "STORED" : previous.equals(record.toString()) ? "DUPLICATE" : "CONFLICT";
                    committed++;
                    deletable.add(serial);
                }
                var result = Json.createObjectBuilder().add("serial", serial).add("status", status);
                if (status.equals("INVALID")) {
                    result.add("code", "MALFORMED").add("message", "乘车码格式错误 / The ride code is malformed");
                } else {
                    result.addNull("code").addNull("message").add("tripId", 1000 + serial);
                }
                results.add(result);
            }
            return Reply.of(200, Json.createObjectBuilder().add("results", results).add("deletable", deletable)
                    .build().toString());
        }
        if (request.path().endsWith("/scan")) {
            JsonObject in = Json.createReader(new StringReader(request.body())).readObject();
            long serial = in.getJsonNumber("serial").longValue();
            return Reply.of(200, "{\"tripId\":" + (5000 + serial) + ",\"reason\":\"OK\",\"message\":\"验证通过 / Valid\","
                    + "\"originalFen\":200,\"discountFen\":100,\"chargedFen\":100}");
        }
        return Reply.of(404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such path\"}");
    }

    List<Request> requestsTo(String suffix) {
        return requests.stream().filter(r -> r.path().endsWith(suffix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
