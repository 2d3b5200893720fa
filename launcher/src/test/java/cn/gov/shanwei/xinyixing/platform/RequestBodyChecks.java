package cn.gov.shanwei.xinyixing.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client's mistake is never a 5xx: every JSON endpoint, called with valid credentials, gets
 * malformed, mistyped, empty, array-for-object and oversize bodies (declared and chunked) and must
 * answer each with a 4xx carrying a stable code, no internals, and no change in the tables it
 * writes (counted straight from the database before and after).
 */
public abstract class RequestBodyChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> READ_ERRORS = Set.of("MALFORMED_REQUEST", "REQUEST_INVALID");

    private final String citizen = TestPeople.shanwei();

    /** An endpoint with a JSON body, how to call it with valid credentials, and what it may change. */
    enum Endpoint {
        RED_LIST_BATCH("/api/credit/v1/redlist/batches", 64 * 1024 + 1024L * RunningSystem.MAX_BATCH_ENTRIES,
                "{\"batchId\":7,\"sequenceNo\":\"first\",\"issuedAt\":true,\"entries\":{}}",
                "[{\"batchId\":\"b\"}]", Set.of("MALFORMED_MESSAGE", "REQUEST_INVALID"),
                "redlist_batch", "redlist_entry"),
        CONCESSION_IMPORT("/api/operator/v1/concessions", 5000 * 256,
                "[{\"idNumber\":441502198503120020,\"concessionType\":[\"ELDERLY\"],\"validFrom\":\"the first of May\"}]",
                "{\"idNumber\":\"441502198503120020\"}", READ_ERRORS, "concession_holding"),
        ACCOUNT_OPENING("/api/mp/v1/account", 1024,
                "{\"consentVersion\":{\"v\":1},\"accountType\":42}",
                "[\"2026-11\",\"XINYIXING\"]", READ_ERRORS, "citizen_account", "consent_record"),
        CREDENTIAL("/api/mp/v1/credential", 1024,
                "{\"userPublicKey\":[1,2,3]}",
                // JSON-B binds an array holding one object to the record; the boundary then refuses the key
                "[{\"userPublicKey\":\"AAAA\"}]", Set.of("MALFORMED_REQUEST", "REQUEST_INVALID", "PUBLIC_KEY_INVALID"),
                "citizen_account", "blacklist_entry"),
        SCAN("/api/validator/v1/scan", 4 * 1024,
                "{\"code\":12345,\"serial\":\"first\"}",
                "[\"AAAA\",200]", READ_ERRORS, "trip_record"),
        PAYMENT_NOTIFICATION("/api/payment/v1/notifications", 8 * 1024,
                "{\"event\":[\"CONTRACT_SIGNED\"],\"requestNo\":12}",
                "[{\"event\":\"CONTRACT_SIGNED\"}]", null, "payment_agreement");

        final String path;
        final long limit;
        final String mistyped;
        final String arrayForObject;
        /** Codes a body-reading mistake may carry; null where the caller's signature is checked first. */
        final Set<String> readErrors;
        final List<String> tables;

        Endpoint(String path, long limit, String mistyped, String arrayForObject, Set<String> readErrors, String... tables) {
            this.path = path;
            this.limit = limit;
            this.mistyped = mistyped;
            this.arrayForObject = arrayForObject;
            this.readErrors = readErrors;
            this.tables = List.of(tables);
        }
    }

    static Stream<Arguments> badBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            cases.add(Arguments.of(endpoint, "malformed", "{\"code\": \"abc\", "));
            cases.add(Arguments.of(endpoint, "not JSON", "code=abc&fareFen=200"));
            cases.add(Arguments.of(endpoint, "mistyped", endpoint.mistyped));
            cases.add(Arguments.of(endpoint, "empty", ""));
            cases.add(Arguments.of(endpoint, "null", "null"));
            cases.add(Arguments.of(endpoint, "array for object", endpoint.arrayForObject));
            cases.add(Arguments.of(endpoint, "a bare number", "12"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badBodies")
    void aBadBodyIsACoded4xxAndChangesNothing(Endpoint endpoint, String kind, String body) throws Exception {
        Map<String, Long> before = counts(endpoint);
        HttpResponse<String> response = send(endpoint, body.getBytes(StandardCharsets.UTF_8), false);
        assertClientMistake(endpoint, kind, response);
        if (endpoint.readErrors != null) {
            String code = Http.json(response).getString("code");
            assertTrue(endpoint.readErrors.contains(code), kind + " → " + code + ": " + response.body());
            assertEquals(400, response.statusCode(), response.body());
        }
        assertEquals(before, counts(endpoint), "nothing was written for a " + kind + " body");
    }

    static Stream<Arguments> oversize() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            cases.add(Arguments.of(endpoint, false));
            cases.add(Arguments.of(endpoint, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, chunked: {1}")
    @MethodSource("oversize")
    void anOversizeBodyIs413AndChangesNothing(Endpoint endpoint, boolean chunked) throws Exception {
        Map<String, Long> before = counts(endpoint);
        byte[] body = oversizeJson(endpoint.limit + 2048);
        if (endpoint == Endpoint.CONCESSION_IMPORT) {
            // Of the expected shape, so that it is its size and not its first byte that is refused
            body = ("[" + new String(body, StandardCharsets.US_ASCII).replace("\"code\"", "\"idNumber\"") + "]")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        HttpResponse<String> response = send(endpoint, body, chunked);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("BODY_TOO_LARGE", Http.json(response).getString("code"));
        assertEquals(before, counts(endpoint));
    }

    @Test
    void aFiveMegabyteScanIsRefusedByItsLength() throws Exception {
        Map<String, Long> before = counts(Endpoint.SCAN);
        HttpResponse<String> response = send(Endpoint.SCAN, oversizeJson(5L * 1024 * 1024), false);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("BODY_TOO_LARGE", Http.json(response).getString("code"));
        assertEquals(before, counts(Endpoint.SCAN));
    }

    @Test
    void aBodyJustWithinTheLimitIsRead() throws Exception {
        // The limit refuses size, not content: a scan of an unknown code a little under 4 KiB is decided
        String padding = " ".repeat(3500);
        HttpResponse<String> response = send(Endpoint.SCAN,
                ("{\"code\":\"AAAA\"," + padding + "\"serial\":" + ValidatorClient.onRoute("1").nextSerial() + "}").getBytes(StandardCharsets.UTF_8), true);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("MALFORMED", Http.json(response).getString("reason"));
    }

    @Test
    void constraintViolationsNameTheFieldsButNotTheValues() throws Exception {
        HttpResponse<String> response = send(Endpoint.SCAN,
                "{\"code\":\"not*base64\",\"serial\":-5}".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(400, response.statusCode(), response.body());
        JsonObject refusal = Http.json(response);
        assertEquals("REQUEST_INVALID", refusal.getString("code"));
        Set<String> fields = refusal.getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).collect(Collectors.toSet());
        assertEquals(Set.of("body.code", "body.serial"), fields, response.body());
        assertFalse(response.body().contains("not*base64"), "the value is not echoed: " + response.body());

        HttpResponse<String> missing = send(Endpoint.SCAN, "{}".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals(Set.of("body.code", "body.serial"), Http.json(missing).getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).collect(Collectors.toSet()));
    }

    @Test
    void aNullRowInAnImportIsNamedAndNothingIsImported() throws Exception {
        Map<String, Long> before = counts(Endpoint.CONCESSION_IMPORT);
        HttpResponse<String> response = send(Endpoint.CONCESSION_IMPORT, ("[{\"idNumber\":\"" + TestPeople.shanwei()
                + "\",\"concessionType\":\"ELDERLY\",\"accountType\":\"03\",\"validFrom\":\"2020-01-01\"},null]")
                .getBytes(StandardCharsets.UTF_8), false);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("REQUEST_INVALID", Http.json(response).getString("code"));
        assertEquals("body[1]", Http.json(response).getJsonArray("violations").getJsonObject(0).getString("field"));
        assertEquals(before, counts(Endpoint.CONCESSION_IMPORT));
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsA400() throws Exception {
        HttpResponse<String> word = ValidatorClient.onRoute("1").get("/api/validator/v1/sync", "blacklistSince=abc");
        assertEquals(400, word.statusCode(), word.body());
        assertEquals("PARAMETER_INVALID", Http.json(word).getString("code"));

        HttpResponse<String> limit = HTTP.send(citizenRequest("/api/mp/v1/trips?limit=fifty").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, limit.statusCode(), limit.body());
        assertEquals("PARAMETER_INVALID", Http.json(limit).getString("code"));
    }

    @Test
    void openApiDescribesTheRedListBatchByItsFields() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(Http.uri("/openapi?format=JSON"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject document = Http.json(response);
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertTrue(schemas.getJsonObject("RedListBatch").getJsonObject("properties").keySet()
                .containsAll(Set.of("batchId", "sequenceNo", "issuedAt", "entries", "signature")), response.body());
        assertTrue(schemas.getJsonObject("RedListEntry").getJsonObject("properties").keySet()
                .containsAll(Set.of("operation", "idNumber", "name", "categoryCode", "level", "bloodMl", "donationYuan",
                        "volunteerStars", "taxpayerGrade", "recognisedOn", "validFrom", "validTo", "sourceDocument",
                        "residency")), schemas.getJsonObject("RedListEntry").toString());

        JsonObject paths = document.getJsonObject("paths");
        // The server may refer to the component or inline it; either way the body is the batch by its fields
        JsonObject batchBody = requestBodySchema(paths, "/api/credit/v1/redlist/batches");
        String ref = batchBody.getString("$ref", "");
        JsonObject batch = ref.isEmpty() ? batchBody : schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        assertEquals("object", batch.getString("type", "object"), batchBody.toString());
        assertTrue(batch.getJsonObject("properties").keySet()
                .containsAll(Set.of("batchId", "sequenceNo", "issuedAt", "entries", "signature")), batchBody.toString());
        // The payment platform's notification is its own documented format, signed as bytes
        for (Endpoint endpoint : EnumSet.complementOf(EnumSet.of(Endpoint.PAYMENT_NOTIFICATION))) {
            JsonObject schema = requestBodySchema(paths, endpoint.path);
            assertFalse(schema.isEmpty(), endpoint.path + " has a described body");
            assertFalse("string".equals(schema.getString("type", null)), endpoint.path + " is described by its fields");
        }
        assertEquals("array", requestBodySchema(paths, "/api/operator/v1/concessions").getString("type"));
    }

    private static JsonObject requestBodySchema(JsonObject paths, String path) {
        JsonObject operation = paths.getJsonObject(path).getJsonObject("post");
        JsonObject body = operation.getJsonObject("requestBody");
        JsonObject json = body == null || body.getJsonObject("content") == null ? null
                : body.getJsonObject("content").getJsonObject("application/json");
        return json == null || json.getJsonObject("schema") == null ? JsonValue.EMPTY_JSON_OBJECT : json.getJsonObject("schema");
    }

    private static void assertClientMistake(Endpoint endpoint, String kind, HttpResponse<String> response) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, endpoint + " " + kind + " → " + status + " " + response.body());
        String code = Http.json(response).getString("code");
        assertFalse(code.isBlank());
        assertFalse(code.startsWith("HTTP_5") || code.equals("INTERNAL_ERROR"), code);
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), response.body());
    }

    /** A JSON object of roughly the given size that would be well-formed if it were read. */
    private static byte[] oversizeJson(long bytes) {
        return ("{\"code\":\"" + "A".repeat((int) bytes) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    private HttpResponse<String> send(Endpoint endpoint, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = switch (endpoint) {
            case RED_LIST_BATCH -> HttpRequest.newBuilder(Http.uri(endpoint.path))
                    .header("X-Api-Key", RunningSystem.platformApiKey());
            case CONCESSION_IMPORT -> HttpRequest.newBuilder(Http.uri(endpoint.path))
                    .header("X-Api-Key", RunningSystem.operatorApiKey());
            // Signed by a registered device, over the body as sent
            case SCAN -> ValidatorClient.onRoute("1").signed("POST", endpoint.path, null, body,
                    java.time.Instant.now().getEpochSecond(), ValidatorClient.nonce());
            case ACCOUNT_OPENING, CREDENTIAL -> citizenRequest(endpoint.path);
            // Unsigned: the platform's signature covers the body, so a signed one is sent by its stub below
            case PAYMENT_NOTIFICATION -> HttpRequest.newBuilder(Http.uri(endpoint.path));
        };
        HttpResponse<String> response = HTTP.send(request.header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
        if (endpoint == Endpoint.PAYMENT_NOTIFICATION && !chunked && body.length < endpoint.limit) {
            // The same body with the platform's real signature: still a client's mistake, never a 5xx
            int signed = RunningSystem.paymentPlatform().sendSigned(RunningSystem.baseUrl() + endpoint.path,
                    new String(body, StandardCharsets.UTF_8));
            assertTrue(signed >= 400 && signed < 500, "signed but malformed notification → " + signed);
        }
        return response;
    }

    /**
     * As someone on no list, without an account, with a fresh token: whatever got through would open
     * an account or be refused a credential by the boundary, not by the edge.
     */
    private HttpRequest.Builder citizenRequest(String path) {
        return HttpRequest.newBuilder(Http.uri(path)).header("Authorization", "Bearer "
                + RunningSystem.identityProvider().token(citizen, "钱七", "13800138000"));
    }

    private static Map<String, Long> counts(Endpoint endpoint) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection db = RunningSystem.openDatabase(); Statement sql = db.createStatement()) {
            for (String table : endpoint.tables) {
                try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            if (endpoint.tables.contains("citizen_account")) {
                try (ResultSet rows = sql.executeQuery("SELECT COALESCE(SUM(entitlement_serial), 0) FROM citizen_account")) {
                    rows.next();
                    counts.put("citizen_account.entitlement_serial", rows.getLong(1));
                }
            }
        }
        return counts;
    }
}
