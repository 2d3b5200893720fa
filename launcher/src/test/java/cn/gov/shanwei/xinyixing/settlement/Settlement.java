package cn.gov.shanwei.xinyixing.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;

/** What the settlement checks share: rides through the real upload path, and the settlement API. */
final class Settlement {

    static final ZoneId SHANWEI = ZoneId.of("Asia/Shanghai");
    static final String API = "/api/operator/v1/settlement";

    private Settlement() {
    }

    /** Yesterday in Shanwei: a day that has ended, in the current year except on 1 January. */
    static LocalDate yesterday() {
        return LocalDate.now(SHANWEI).minusDays(1);
    }

    /** A moment of a day inside the routes' service hours (06:00–22:30), so no flag is raised for the hour. */
    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(SHANWEI).toInstant();
    }

    /** Uploads one record of a code scanned at {@code at}; returns its trip id. */
    static long upload(ValidatorClient bus, String routeNo, int fareFen, byte[] code, Instant at) throws Exception {
        long serial = bus.nextSerial();
        String batch = Json.createObjectBuilder().add("records", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("serial", serial).add("code", Base64.getEncoder().encodeToString(code)).add("scannedAt", at.toString())
                .add("routeNo", routeNo).add("fareFen", fareFen).add("verdict", "OK"))).build().toString();
        HttpResponse<String> response = bus.post("/api/validator/v1/trips", batch);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = Http.json(response).getJsonArray("results").getJsonObject(0);
        assertEquals("STORED", result.getString("status"), result.toString());
        return result.getJsonNumber("tripId").longValue();
    }

    static long ride(Rider rider, JsonObject credential, ValidatorClient bus, String routeNo, int fareFen, Instant at)
            throws Exception {
        return upload(bus, routeNo, fareFen, rider.code(credential, at.getEpochSecond()), at);
    }

    /** Waits until the trip is verified and, if accepted, its charge final: its outcome is settled then. */
    static String settledOutcome(long tripId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            String outcome = outcome(tripId);
            if (!"UNVERIFIED".equals(outcome) && !"CHARGE_PENDING".equals(outcome)) {
                return outcome;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("trip " + tripId + " still " + outcome);
            }
            Thread.sleep(250);
        }
    }

    /** The trip's outcome under the subsidy rule, as the system's own view states it. */
    static String outcome(long tripId) throws Exception {
        return (String) value("SELECT outcome FROM trip_outcome WHERE trip_id = ?", tripId);
    }

    static long routeId(String companyCode, String routeNo) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(
                "SELECT r.id FROM bus_route r JOIN bus_company c ON c.id = r.company_id WHERE c.code = ? AND r.route_no = ?")) {
            query.setString(1, companyCode);
            query.setString(2, routeNo);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static JsonObject call(String method, String path, String json, int expectedStatus) throws Exception {
        HttpResponse<String> response = ValidatorClient.operator(method, API + path, json);
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return response.body().startsWith("{") ? Http.json(response) : null;
    }

    static JsonValue callForValue(String method, String path) throws Exception {
        HttpResponse<String> response = ValidatorClient.operator(method, API + path, null);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new java.io.StringReader(response.body())).readValue();
    }

    /** Starts a version of the year; {@code idsPerCheckpoint} 0 for the default. */
    static JsonObject start(int year, String reason, int idsPerCheckpoint) throws Exception {
        var body = Json.createObjectBuilder().add("year", year);
        if (reason != null) {
            body.add("reason", reason);
        }
        if (idsPerCheckpoint > 0) {
            body.add("idsPerCheckpoint", idsPerCheckpoint);
        }
        return call("POST", "/runs", body.build().toString(), 202);
    }

    static JsonObject run(long id) throws Exception {
        return call("GET", "/runs/" + id, null, 200);
    }

    static JsonObject awaitCompleted(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (true) {
            JsonObject run = run(id);
            if ("COMPLETED".equals(run.getString("status"))) {
                return run;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + id + " never completed: " + run);
            }
            Thread.sleep(300);
        }
    }

    /** A year must not have an unfinished version when a check starts one: wait for any left by another. */
    static void awaitNoRunning() throws Exception {
        for (JsonValue value : callForValue("GET", "/runs").asJsonArray()) {
            JsonObject run = value.asJsonObject();
            if ("RUNNING".equals(run.getString("status"))) {
                awaitCompleted(run.getJsonNumber("id").longValue());
            }
        }
    }

    static String packageDir(long runId) throws Exception {
        return (String) value("SELECT package_dir FROM settlement_run WHERE id = ?", runId);
    }

    /** The one value a query about one id selects (a read of what the system wrote). */
    static Object value(String sql, long id) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1);
            }
        }
    }

    static byte[] file(long runId, String name) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(Http.uri(API + "/runs/" + runId + "/files/" + name))
                .header("Cookie", cn.gov.shanwei.xinyixing.system.StaffSessions.of("operator")).GET().build();
        HttpResponse<byte[]> response = Http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), name);
        return response.body();
    }
}
