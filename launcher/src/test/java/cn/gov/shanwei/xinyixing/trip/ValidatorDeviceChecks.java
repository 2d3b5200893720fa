package cn.gov.shanwei.xinyixing.trip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import cn.gov.shanwei.xinyixing.system.StaffSessions;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validators as devices: each registered by the operator with its own secret, every request signed, each
 * refusal coded; and the online scan as a durable trip, priced by the server from the device's route.
 */
public abstract class ValidatorDeviceChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SYNC = "/api/validator/v1/sync";

    @Test
    void everySigningFaultHasItsOwnCode() throws Exception {
        ValidatorClient device = ValidatorClient.register("1");
        long now = Instant.now().getEpochSecond();
        byte[] none = new byte[0];

        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(Http.uri(SYNC)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(unsigned, "SIGNATURE_MISSING");

        HttpRequest.Builder stranger = device.signed("GET", SYNC, null, none, now, ValidatorClient.nonce())
                .setHeader("X-Device-Id", "NO-SUCH-DEVICE");
        assertRefused(send(stranger.GET()), "DEVICE_UNKNOWN");

        HttpRequest.Builder forged = device.signed("GET", SYNC, null, none, now, ValidatorClient.nonce())
                .setHeader("X-Signature", "00".repeat(32));
        assertRefused(send(forged.GET()), "SIGNATURE_INVALID");

        // The body is covered: a body other than the signed one fails
        byte[] signedBody = "{\"serial\":1,\"code\":\"AAAA\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder swapped = device.signed("POST", "/api/validator/v1/scan", null, signedBody, now,
                        ValidatorClient.nonce()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"serial\":1,\"code\":\"BBBB\"}"));
        assertRefused(send(swapped), "SIGNATURE_INVALID");

        // So is the query
        HttpRequest.Builder otherQuery = device.signed("GET", SYNC, "blacklistSince=5", none, now, ValidatorClient.nonce());
        assertRefused(send(HttpRequest.newBuilder(Http.uri(SYNC + "?blacklistSince=0")).headers(headersOf(otherQuery)).GET()),
                "SIGNATURE_INVALID");

        assertRefused(send(device.signed("GET", SYNC, null, none, now - 400, ValidatorClient.nonce()).GET()), "CLOCK_SKEW");
        assertRefused(send(device.signed("GET", SYNC, null, none, now + 400, ValidatorClient.nonce()).GET()), "CLOCK_SKEW");

        String nonce = ValidatorClient.nonce();
        assertEquals(200, send(device.signed("GET", SYNC, null, none, now, nonce).GET()).statusCode());
        assertRefused(send(device.signed("GET", SYNC, null, none, now, nonce).GET()), "NONCE_REPLAYED");
    }

    @Test
    void aDisabledDeviceIsRefusedAtOnceAndWorksAgainWhenEnabled() throws Exception {
        ValidatorClient device = ValidatorClient.register("6");
        assertEquals(200, device.get(SYNC, "blacklistSince=0").statusCode());
        HttpResponse<String> disabled = ValidatorClient.operator("POST",
                "/api/operator/v1/devices/" + device.deviceId() + "/disable", null);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(false, Http.json(disabled).getBoolean("active"));
        assertRefused(device.get(SYNC, "blacklistSince=0"), "DEVICE_DISABLED");
        assertEquals(200, ValidatorClient.operator("POST",
                "/api/operator/v1/devices/" + device.deviceId() + "/enable", null).statusCode());
        assertEquals(200, device.get(SYNC, "blacklistSince=0").statusCode());
    }

    @Test
    void onlyOperatorStaffRegisterDevices() throws Exception {
        String body = "{\"deviceId\":\"IT-NOT-ALLOWED\",\"companyCode\":\"SWBUS\",\"routeNo\":\"1\"}";
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(Http.uri("/api/operator/v1/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(anonymous.statusCode() == 302 || anonymous.statusCode() == 401 || anonymous.statusCode() == 403,
                "anonymous: " + anonymous.statusCode());
        HttpResponse<String> bureau = HTTP.send(HttpRequest.newBuilder(Http.uri("/api/operator/v1/devices"))
                .header("Cookie", StaffSessions.of("bureau")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, bureau.statusCode(), bureau.body());

        HttpResponse<String> twice = ValidatorClient.operator("POST", "/api/operator/v1/devices",
                "{\"deviceId\":\"" + ValidatorClient.onRoute("1").deviceId() + "\",\"companyCode\":\"SWBUS\"}");
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("DEVICE_EXISTS", Http.json(twice).getString("code"));
        HttpResponse<String> noRoute = ValidatorClient.operator("POST", "/api/operator/v1/devices",
                "{\"deviceId\":\"IT-NO-ROUTE\",\"companyCode\":\"SWBUS\",\"routeNo\":\"999\"}");
        assertEquals("ROUTE_UNKNOWN", Http.json(noRoute).getString("code"));
        HttpResponse<String> listed = ValidatorClient.operator("GET", "/api/operator/v1/devices?search=SW-V-000", null);
        assertEquals(3, Http.json(listed).getJsonNumber("total").longValue(), listed.body());
    }

    @Test
    void anAcceptedScanIsATripPricedByTheRouteBeforeTheAnswer() throws Exception {
        Rider rider = Rider.signedUp();
        ValidatorClient route10 = ValidatorClient.onRoute("10");
        JsonObject ride = route10.scanned(rider.code(rider.credential(), Instant.now().getEpochSecond()));
        assertEquals("OK", ride.getString("reason"));
        assertEquals(300, ride.getInt("originalFen"));
        assertEquals(150, ride.getInt("discountFen"));
        assertEquals(150, ride.getInt("chargedFen"));
        Map<String, Object> trip = trip(ride.getJsonNumber("tripId").longValue());
        assertEquals("ACCEPTED", trip.get("state"));
        assertEquals("ONLINE", trip.get("source"));
        assertEquals("XINYIXING", trip.get("concession"));
        assertEquals(300, ((Number) trip.get("original_fen")).intValue());
        assertEquals(150, ((Number) trip.get("discount_fen")).intValue());
        assertEquals(5000, ((Number) trip.get("rate_basis_points")).intValue());
        assertTrue(trip.get("policy_version_id") != null, "the rule version is kept");
        assertTrue(trip.get("account_id") != null, "the rider's account is kept");
    }

    @Test
    void aRefusedScanIsATripWithItsReasonAndNoMoney() throws Exception {
        Rider rider = Rider.signedUp();
        byte[] code = rider.code(rider.credential(), Instant.now().getEpochSecond());
        assertEquals("OK", ValidatorClient.scan(code).getString("reason"));
        JsonObject again = ValidatorClient.scan(code);
        assertEquals("REPLAYED", again.getString("reason"));
        Map<String, Object> trip = trip(again.getJsonNumber("tripId").longValue());
        assertEquals("REFUSED", trip.get("state"));
        assertEquals("REPLAYED", trip.get("reason"));
        assertEquals(0, ((Number) trip.get("charged_fen")).intValue());
        assertEquals(Rider.authorisation(rider.credential()).paymentAccount(), trip.get("payment_account_no"));

        JsonObject garbage = ValidatorClient.scan(new byte[] {1, 2, 3});
        assertEquals("MALFORMED", garbage.getString("reason"));
        assertEquals("REFUSED", trip(garbage.getJsonNumber("tripId").longValue()).get("state"));
    }

    @Test
    void aRetriedScanGetsTheFirstAnswerAndAReusedSerialIsRefused() throws Exception {
        Rider rider = Rider.signedUp();
        ValidatorClient device = ValidatorClient.register("1");
        byte[] code = rider.code(rider.credential(), Instant.now().getEpochSecond());
        long serial = device.nextSerial();
        JsonObject first = Http.json(device.scan(serial, code));
        JsonObject retried = Http.json(device.scan(serial, code));
        assertEquals("OK", first.getString("reason"));
        assertEquals(first, retried, "the same serial and code: the stored answer, not a replay");
        assertEquals(1, count("SELECT COUNT(*) FROM trip_record WHERE payment_account_no = ?",
                Rider.authorisation(rider.credential()).paymentAccount()));

        HttpResponse<String> reused = device.scan(serial, rider.code(rider.credential(), Instant.now().getEpochSecond() + 1));
        assertEquals(409, reused.statusCode(), reused.body());
        assertEquals("SERIAL_REUSED", Http.json(reused).getString("code"));
    }

    @Test
    void theSyncCarriesTheDeviceSettingsAndTodaysFare() throws Exception {
        JsonObject sync = Http.json(ValidatorClient.onRoute("10").get(SYNC, "blacklistSince=0&backlog=7"));
        assertEquals("10", sync.getJsonObject("device").getString("routeNo"));
        assertEquals("SWBUS", sync.getJsonObject("device").getString("companyCode"));
        assertEquals(300, sync.getJsonObject("device").getInt("fareFen"));
        assertTrue(Math.abs(Instant.parse(sync.getString("serverTime")).getEpochSecond() - Instant.now().getEpochSecond()) < 60);
        JsonObject listed = Http.json(ValidatorClient.operator("GET",
                "/api/operator/v1/devices?search=" + ValidatorClient.onRoute("10").deviceId(), null));
        assertEquals(7, listed.getJsonArray("devices").getJsonObject(0).getInt("reportedBacklog"));
    }

    @Test
    void aFareChangeStartsOnItsDayAndClosesThePreviousFare() throws Exception {
        String fares = "/api/operator/v1/companies/SWBUS/routes/6/fares";
        HttpResponse<String> backwards = ValidatorClient.operator("POST", fares, "{\"fareFen\":250,\"validFrom\":\"2025-06-01\"}");
        assertEquals(422, backwards.statusCode(), backwards.body());
        assertEquals("FARE_DATE_INVALID", Http.json(backwards).getString("code"));
        HttpResponse<String> zero = ValidatorClient.operator("POST", fares, "{\"fareFen\":0,\"validFrom\":\"2031-01-01\"}");
        assertEquals(400, zero.statusCode(), zero.body());
        HttpResponse<String> noDay = ValidatorClient.operator("POST", fares, "{\"fareFen\":250,\"validFrom\":\"2031-02-30\"}");
        assertEquals(400, noDay.statusCode(), noDay.body());

        HttpResponse<String> changed = ValidatorClient.operator("POST", fares, "{\"fareFen\":250,\"validFrom\":\"2031-01-01\"}");
        assertEquals(201, changed.statusCode(), changed.body());
        JsonObject current = Http.jsonArray(ValidatorClient.operator("GET", fares, null)).getJsonObject(1);
        assertEquals("2030-12-31", current.getString("validTo"));
        // Today's scans still cost today's fare
        assertEquals(200, ValidatorClient.onRoute("6").get(SYNC, "blacklistSince=0").statusCode());
        assertEquals(200, Http.json(ValidatorClient.onRoute("6").get(SYNC, "blacklistSince=0"))
                .getJsonObject("device").getInt("fareFen"));
    }

    private static void assertRefused(HttpResponse<String> response, String code) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("code"), response.body());
        assertNotEquals("", Http.json(response).getString("message"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] headersOf(HttpRequest.Builder signed) {
        HttpRequest built = signed.GET().build();
        return built.headers().map().entrySet().stream()
                .flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
                .toArray(String[]::new);
    }

    private static Map<String, Object> trip(long id) throws Exception {
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement query = db.prepareStatement("SELECT * FROM trip_record WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "trip " + id + " is stored");
                Map<String, Object> columns = new HashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.put(row.getMetaData().getColumnLabel(i).toLowerCase(), row.getObject(i));
                }
                return columns;
            }
        }
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
