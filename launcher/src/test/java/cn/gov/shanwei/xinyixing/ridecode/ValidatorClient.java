package cn.gov.shanwei.xinyixing.ridecode;

import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.StaffSessions;
import cn.gov.shanwei.xinyixing.trip.control.RequestSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bus validator of the integration suite: registered by the operator through the real API, holding
 * the secret it was given once, and signing every request as the vendor guide says. {@link #scan} asks
 * the server about a code online; each call takes the device's next transaction serial.
 */
public final class ValidatorClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final AtomicInteger DEVICES = new AtomicInteger();
    private static final Map<String, ValidatorClient> ON_ROUTE = new ConcurrentHashMap<>();
    /** The demo company; its routes 1 and 6 cost 200 fen, route 10 costs 300. */
    public static final String COMPANY = "SWBUS";

    private final String deviceId;
    private final byte[] secret;
    private final AtomicLong serials = new AtomicLong();

    private ValidatorClient(String deviceId, byte[] secret) {
        this.deviceId = deviceId;
        this.secret = secret;
    }

    /** A new device on a route of the demo company, registered by the demo operator. */
    public static ValidatorClient register(String routeNo) throws Exception {
        String deviceId = "IT-" + UUID.randomUUID().toString().substring(0, 8) + "-" + DEVICES.incrementAndGet();
        HttpResponse<String> registered = operator("POST", "/api/operator/v1/devices", Json.createObjectBuilder()
                .add("deviceId", deviceId).add("companyCode", COMPANY).add("routeNo", routeNo)
                .add("busPlate", "粤N·T" + DEVICES.get()).build().toString());
        if (registered.statusCode() != 201) {
            throw new AssertionError(registered.statusCode() + " " + registered.body());
        }
        return new ValidatorClient(deviceId, HexFormat.of().parseHex(Http.json(registered).getString("secret")));
    }

    /** A device registered elsewhere (on the staff page), holding the secret it was shown. */
    public static ValidatorClient withSecret(String deviceId, String secretHex) {
        return new ValidatorClient(deviceId, HexFormat.of().parseHex(secretHex));
    }

    /** The suite's shared device on a route (registered on first use). */
    public static ValidatorClient onRoute(String routeNo) {
        return ON_ROUTE.computeIfAbsent(routeNo, route -> {
            try {
                return register(route);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An online scan on the shared route-1 device (fare 200 fen), expected to be answered 200. */
    public static JsonObject scan(byte[] code) throws Exception {
        return onRoute("1").scanned(code);
    }

    /** The blacklist since a version, as the shared route-1 device synchronises it. */
    public static JsonObject blacklist(long sinceVersion) throws Exception {
        return sync(sinceVersion).getJsonObject("blacklist");
    }

    public static JsonObject sync(long sinceVersion) throws Exception {
        HttpResponse<String> response = onRoute("1").get("/api/validator/v1/sync", "blacklistSince=" + sinceVersion);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    public String deviceId() {
        return deviceId;
    }

    /** The secret as the operator was shown it, for putting into a vendor's validator. */
    public String secretHex() {
        return HexFormat.of().formatHex(secret);
    }

    public long nextSerial() {
        return serials.incrementAndGet();
    }

    public JsonObject scanned(byte[] code) throws Exception {
        HttpResponse<String> response = scan(nextSerial(), code);
        if (response.statusCode() != 200) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    public HttpResponse<String> scan(long serial, byte[] code) throws Exception {
        return post("/api/validator/v1/scan", "{\"serial\":" + serial + ",\"code\":\""
                + Base64.getEncoder().encodeToString(code) + "\"}");
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return HTTP.send(signed("POST", path, null, body, Instant.now().getEpochSecond(), nonce())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String query) throws Exception {
        return HTTP.send(signed("GET", path, query, new byte[0], Instant.now().getEpochSecond(), nonce()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request signed by this device at a given time with a given nonce, for the refusal checks. */
    public HttpRequest.Builder signed(String method, String path, String query, byte[] body, long timestamp, String nonce) {
        String canonical = RequestSignature.canonical(method, path, query, timestamp, nonce, body);
        URI uri = Http.uri(query == null ? path : path + "?" + query);
        return HttpRequest.newBuilder(uri).header("X-Device-Id", deviceId).header("X-Timestamp", Long.toString(timestamp))
                .header("X-Nonce", nonce).header("X-Signature", RequestSignature.sign(secret, canonical));
    }

    /** 16 random URL-safe characters (mostly letters, so no nonce ever looks like an ID number). */
    public static String nonce() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A call to the operator API as the demo operator. */
    public static HttpResponse<String> operator(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri(path)).header("Cookie", StaffSessions.of("operator"));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return Http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
