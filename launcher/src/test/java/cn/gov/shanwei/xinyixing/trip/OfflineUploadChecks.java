package cn.gov.shanwei.xinyixing.trip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.AtOnce;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Offline validators upload what they stored: each record once, whatever is re-sent or sent twice at once;
 * conflicting reuse of a serial refused and flagged; every record verified again by the server as of its
 * scan time, and the patterns of fraud flagged with their evidence.
 */
public abstract class OfflineUploadChecks {

    private static final String TRIPS = "/api/validator/v1/trips";
    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(60);

    /** One record as a validator stores it. */
    record Tap(long serial, byte[] code, Instant scannedAt, String verdict) {
        JsonObject json() {
            return Json.createObjectBuilder().add("serial", serial).add("code", Base64.getEncoder().encodeToString(code))
                    .add("scannedAt", scannedAt.toString()).add("routeNo", "1").add("fareFen", 200)
                    .add("verdict", verdict).build();
        }
    }

    @Test
    void aBatchIsStoredOnceAcknowledgedPerRecordAndVerifiedAgainAsOfItsScanTime() throws Exception {
        Rider rider = Rider.signedUp();
        ValidatorClient bus = ValidatorClient.register("1");
        JsonObject credential = rider.credential();
        // Scanned ten minutes ago: the code has expired by now, but was valid when the bus saw it
        Instant earlier = Instant.now().minusSeconds(600);
        Tap valid = new Tap(bus.nextSerial(), rider.code(credential, earlier.getEpochSecond()), earlier, "OK");
        byte[] forged = rider.code(credential, earlier.getEpochSecond() + 60);
        forged[forged.length - 1] ^= 0x01;
        Tap bad = new Tap(bus.nextSerial(), forged, earlier.plusSeconds(60), "OK");
        long brokenSerial = bus.nextSerial();
        String batch = batch(List.of(valid.json(), bad.json(), Json.createObjectBuilder().add("serial", brokenSerial)
                .add("code", "not base64!").add("scannedAt", earlier.toString()).add("routeNo", "1").add("fareFen", 200)
                .add("verdict", "OK").build()));

        JsonObject first = uploaded(bus, batch);
        assertEquals(Map.of(valid.serial(), "STORED", bad.serial(), "STORED", brokenSerial, "INVALID"), statuses(first));
        assertEquals(List.of(valid.serial(), bad.serial()), deletable(first), "an invalid record is kept by the device");
        assertEquals("CODE_INVALID", result(first, brokenSerial).getString("code"));

        JsonObject again = uploaded(bus, batch);
        assertEquals(Map.of(valid.serial(), "DUPLICATE", bad.serial(), "DUPLICATE", brokenSerial, "INVALID"), statuses(again));
        assertEquals(result(first, valid.serial()).getJsonNumber("tripId"), result(again, valid.serial()).getJsonNumber("tripId"));
        assertEquals(2, trips(bus));

        Map<String, Object> accepted = awaitDecided(result(first, valid.serial()).getJsonNumber("tripId").longValue());
        assertEquals("ACCEPTED", accepted.get("state"));
        assertEquals("OFFLINE", accepted.get("source"));
        assertEquals(200, ((Number) accepted.get("original_fen")).intValue(), "priced from the route's fare table");
        assertEquals(100, ((Number) accepted.get("charged_fen")).intValue());
        Map<String, Object> refused = awaitDecided(result(first, bad.serial()).getJsonNumber("tripId").longValue());
        assertEquals("REFUSED", refused.get("state"));
        assertEquals("USER_SIGNATURE_INVALID", refused.get("reason"));
        assertEquals("OK", refused.get("device_verdict"));
        assertTrue(flagsOf(result(first, bad.serial()).getJsonNumber("tripId").longValue()).contains("VERDICT_MISMATCH"));
    }

    @Test
    void theSameBatchFromTwoThreadsAtOnceIsStoredOnce() throws Exception {
        Rider rider = Rider.signedUp();
        ValidatorClient bus = ValidatorClient.register("1");
        JsonObject credential = rider.credential();
        Instant start = Instant.now().minusSeconds(3600);
        List<JsonObject> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant at = start.plusSeconds(60L * i);
            records.add(new Tap(bus.nextSerial(), rider.code(credential, at.getEpochSecond()), at, "OK").json());
        }
        String batch = batch(records);
        List<JsonObject> answers = AtOnce.run(() -> uploaded(bus, batch), () -> uploaded(bus, batch));
        assertEquals(40, trips(bus), "each record stored once");
        for (JsonObject record : records) {
            long serial = record.getJsonNumber("serial").longValue();
            List<String> both = answers.stream().map(a -> result(a, serial).getString("status")).sorted().toList();
            assertEquals(List.of("DUPLICATE", "STORED"), both, "serial " + serial);
            assertEquals(result(answers.get(0), serial).getJsonNumber("tripId"), result(answers.get(1), serial).getJsonNumber("tripId"));
        }
    }

    @Test
    void aSerialReusedWithOtherContentIsRefusedAndFlagged() throws Exception {
        Rider rider = Rider.signedUp();
        ValidatorClient bus = ValidatorClient.register("1");
        JsonObject credential = rider.credential();
        Instant at = Instant.now().minusSeconds(120);
        long serial = bus.nextSerial();
        JsonObject first = uploaded(bus, batch(List.of(new Tap(serial, rider.code(credential, at.getEpochSecond()), at, "OK").json())));
        long tripId = result(first, serial).getJsonNumber("tripId").longValue();
        JsonObject other = uploaded(bus, batch(List.of(
                new Tap(serial, rider.code(credential, at.getEpochSecond() + 5), at.plusSeconds(5), "OK").json())));
        assertEquals("CONFLICT", result(other, serial).getString("status"));
        assertEquals("SERIAL_REUSED", result(other, serial).getString("code"));
        assertEquals(List.of(serial), deletable(other), "the conflict is kept as a flag; the device may let it go");
        assertEquals(1, trips(bus));
        assertTrue(flagsOf(tripId).contains("CONFLICTING_REUSE"));
    }

    @Test
    void oneCodeOnTwoBusesAndOneRiderOnTwoBusesAtOnceAreFlagged() throws Exception {
        Rider rider = Rider.signedUp();
        ValidatorClient busA = ValidatorClient.register("1");
        ValidatorClient busB = ValidatorClient.register("1");
        JsonObject credential = rider.credential();
        Instant at = Instant.now().minusSeconds(900);
        byte[] copied = rider.code(credential, at.getEpochSecond());
        long a = result(uploaded(busA, batch(List.of(new Tap(busA.nextSerial(), copied, at, "OK").json()))), 1)
                .getJsonNumber("tripId").longValue();
        // The copy arrives once the original is decided: two workers deciding both at once would let either win
        Map<String, Object> original = awaitDecided(a);
        assertEquals("ACCEPTED", original.get("state"), "reason: " + original.get("reason"));
        long b = result(uploaded(busB, batch(List.of(new Tap(busB.nextSerial(), copied, at.plusSeconds(20), "OK").json()))), 1)
                .getJsonNumber("tripId").longValue();
        // A fresh code of the same account 30 s later on the other bus: not a copy, but not one person either
        byte[] fresh = rider.code(credential, at.getEpochSecond() + 30);
        long c = result(uploaded(busB, batch(List.of(new Tap(busB.nextSerial(), fresh, at.plusSeconds(30), "OK").json()))), 2)
                .getJsonNumber("tripId").longValue();

        assertEquals("REPLAYED", awaitDecided(b).get("reason"));
        assertEquals("ACCEPTED", awaitDecided(c).get("state"));
        awaitFlag(b, "SHARED_CODE");
        awaitFlag(c, "IMPOSSIBLE_JOURNEY");
    }

    @Test
    void aBadEnvelopeIsRefusedWholeAndAnUnsignedUploadIsNotRead() throws Exception {
        ValidatorClient bus = ValidatorClient.onRoute("1");
        HttpResponse<String> empty = bus.post(TRIPS, "{\"records\":[]}");
        assertEquals(400, empty.statusCode(), empty.body());
        JsonArrayBuilder tooMany = Json.createArrayBuilder();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Json.createObjectBuilder().add("serial", i));
        }
        HttpResponse<String> many = bus.post(TRIPS, Json.createObjectBuilder().add("records", tooMany).build().toString());
        assertEquals(400, many.statusCode(), many.body());
        HttpResponse<String> unsigned = Http.post(TRIPS, "application/json", "{\"records\":[{\"serial\":1}]}");
        assertEquals(401, unsigned.statusCode());
    }

    // ---------------------------------------------------------------- helpers

    static String batch(List<JsonObject> records) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        records.forEach(array::add);
        return Json.createObjectBuilder().add("records", array).build().toString();
    }

    static JsonObject uploaded(ValidatorClient bus, String batch) throws Exception {
        HttpResponse<String> response = bus.post(TRIPS, batch);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static Map<Long, String> statuses(JsonObject answer) {
        return answer.getJsonArray("results").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getJsonNumber("serial").longValue(), r -> r.getString("status"),
                        (x, y) -> x, TreeMap::new));
    }

    private static JsonObject result(JsonObject answer, long serial) {
        return answer.getJsonArray("results").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getJsonNumber("serial").longValue() == serial).findFirst().orElseThrow();
    }

    private static List<Long> deletable(JsonObject answer) {
        return answer.getJsonArray("deletable").stream().map(v -> ((jakarta.json.JsonNumber) v).longValue()).sorted().toList();
    }

    private static long trips(ValidatorClient bus) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM trip_record t JOIN validator v ON v.id = t.validator_id WHERE v.device_id = ?")) {
            query.setString(1, bus.deviceId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The trip once the server has verified it (the re-verification runs every few seconds). */
    static Map<String, Object> awaitDecided(long tripId) throws Exception {
        Instant deadline = Instant.now().plus(DECIDED_WITHIN);
        while (true) {
            Map<String, Object> trip = row("SELECT * FROM trip_record WHERE id = ?", tripId);
            if (!"PENDING".equals(trip.get("state")) || Instant.now().isAfter(deadline)) {
                return trip;
            }
            Thread.sleep(250);
        }
    }

    private static void awaitFlag(long tripId, String kind) throws Exception {
        Instant deadline = Instant.now().plus(DECIDED_WITHIN);
        while (!flagsOf(tripId).contains(kind)) {
            assertTrue(Instant.now().isBefore(deadline), kind + " raised for trip " + tripId + "; flags: " + flagsOf(tripId));
            Thread.sleep(500);
        }
    }

    private static List<String> flagsOf(long tripId) throws Exception {
        List<String> kinds = new ArrayList<>();
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement query = db.prepareStatement("SELECT kind FROM trip_flag WHERE trip_id = ? ORDER BY id")) {
            query.setLong(1, tripId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    kinds.add(rows.getString(1));
                }
            }
        }
        return kinds;
    }

    private static Map<String, Object> row(String sql, long id) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "row " + id);
                Map<String, Object> columns = new java.util.HashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.put(row.getMetaData().getColumnLabel(i).toLowerCase(), row.getObject(i));
                }
                return columns;
            }
        }
    }
}
