package cn.gov.shanwei.xinyixing.settlement;

import static cn.gov.shanwei.xinyixing.settlement.Settlement.at;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.awaitCompleted;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.awaitNoRunning;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.call;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.ride;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.settledOutcome;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.start;
import static cn.gov.shanwei.xinyixing.settlement.Settlement.yesterday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The year's settlement on the real server: the nightly roll-up is idempotent and records late changes
 * of a closed day as adjustments; a version's detail sums to its summary to the fen and holds exactly
 * the rides the subsidy rule counts; re-runs make new versions with a reason and replace nothing.
 */
public abstract class SettlementChecks {

    @Test
    void aDayRolledUpTwiceGivesTheSameRowsAndALateUploadIsAnAdjustmentOfTheClosedDay() throws Exception {
        LocalDate day = yesterday();
        Rider rider = Rider.signedUp();
        JsonObject credential = rider.credential();
        ValidatorClient bus = ValidatorClient.register("10");
        long route = Settlement.routeId("SWBUS", "10");
        assertEquals("SUBSIDISED", settledOutcome(ride(rider, credential, bus, "10", 300, at(day, 9, 0))));
        assertEquals("SUBSIDISED", settledOutcome(ride(rider, credential, bus, "10", 300, at(day, 9, 40))));

        JsonObject first = call("POST", "/rollups/" + day, null, 200);
        JsonObject second = call("POST", "/rollups/" + day, null, 200);
        assertTrue(first.getBoolean("closed"), "a day that has ended is closed by its roll-up");
        assertEquals(first.getJsonArray("groups"), second.getJsonArray("groups"), "rolling a day again gives the same rows");
        assertEquals(List.of(), second.getJsonArray("adjustments"), "nothing changed, nothing adjusted");
        JsonObject subsidised = group(first.getJsonArray("groups"), route, "SUBSIDISED");
        assertTrue(subsidised.getJsonNumber("rides").longValue() >= 2);

        // A bus back from days offline uploads a ride of the closed day; the night finds the day and adjusts it
        assertEquals("SUBSIDISED", settledOutcome(ride(rider, credential, bus, "10", 300, at(day, 10, 20))));
        JsonArray nightly = Settlement.callForValue("POST", "/rollups/nightly").asJsonArray();
        JsonObject rolled = nightly.stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("day").equals(day.toString())).findFirst().orElseThrow(() -> new AssertionError(nightly));
        JsonObject after = group(rolled.getJsonArray("groups"), route, "SUBSIDISED");
        assertEquals(subsidised.getJsonNumber("rides").longValue() + 1, after.getJsonNumber("rides").longValue());
        assertEquals(subsidised.getJsonNumber("discountFen").longValue() + 150, after.getJsonNumber("discountFen").longValue());
        JsonObject adjustment = group(rolled.getJsonArray("adjustments"), route, "SUBSIDISED");
        assertEquals(1, adjustment.getJsonNumber("rides").longValue());
        assertEquals(150, adjustment.getJsonNumber("discountFen").longValue());
        assertEquals(300, adjustment.getJsonNumber("originalFen").longValue());

        JsonArray stored = Settlement.callForValue("GET", "/rollups/" + day + "/adjustments").asJsonArray();
        assertTrue(stored.stream().map(v -> v.asJsonObject().getJsonObject("delta"))
                .anyMatch(d -> d.getJsonNumber("routeId").longValue() == route && d.getString("outcome").equals("SUBSIDISED")
                        && d.getJsonNumber("rides").longValue() == 1), stored.toString());
    }

    @Test
    void aVersionsDetailSumsToItsSummaryToTheFenAndHoldsExactlyTheSubsidisedRides() throws Exception {
        LocalDate day = yesterday();
        int year = day.getYear();
        // A generated set with known outcomes: paid rides on two routes, a forged code, a copied code, and one
        // rider on two buses at once (flagged, so out of the claim)
        Rider rider = Rider.signedUp();
        JsonObject credential = rider.credential();
        ValidatorClient route1 = ValidatorClient.register("1");
        ValidatorClient route6 = ValidatorClient.register("6");
        Map<Long, Integer> expectedDiscount = new HashMap<>();
        expectedDiscount.put(ride(rider, credential, route1, "1", 200, at(day, 7, 5)), 100);
        expectedDiscount.put(ride(rider, credential, route6, "6", 200, at(day, 8, 15)), 100);
        expectedDiscount.put(ride(rider, credential, route1, "1", 200, at(day, 12, 0)), 100);
        byte[] forged = rider.code(credential, at(day, 13, 0).getEpochSecond());
        forged[forged.length - 1] ^= 0x01;
        long refused = Settlement.upload(route1, "1", 200, forged, at(day, 13, 0));
        Rider other = Rider.signedUp();
        JsonObject otherCredential = other.credential();
        long onBusA = ride(other, otherCredential, route1, "1", 200, at(day, 14, 0));
        long onBusB = ride(other, otherCredential, route6, "6", 200, at(day, 14, 0).plusSeconds(30));
        for (long trip : expectedDiscount.keySet()) {
            assertEquals("SUBSIDISED", settledOutcome(trip), "trip " + trip);
        }
        assertEquals("REFUSED", settledOutcome(refused));
        awaitFlagged(onBusB);

        awaitNoRunning();
        JsonObject started = start(year, "结算测试 / settlement check", 0);
        long runId = started.getJsonNumber("id").longValue();
        JsonObject run = awaitCompleted(runId);
        assertEquals("COMPLETED", run.getString("status"));
        assertEquals(List.of("MANIFEST.sig", "MANIFEST.sm3", "detail.csv", "settlement-" + year + "-v" + run.getInt("version") + ".xlsx",
                "summary.csv"), run.getJsonArray("files").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        JsonObject basis = run.getJsonArray("steps").getJsonObject(0);
        assertEquals("basis", basis.getString("name"));
        assertEquals("COMPLETED", basis.getString("status"));

        // The detail, read back from the file: our rides with their amounts, not the refused or the flagged
        Map<Long, Long> detail = new HashMap<>();
        Map<String, Long> detailByCompany = new HashMap<>();
        long detailRides = 0;
        for (String line : lines(Settlement.file(runId, "detail.csv"))) {
            List<String> cells = csv(line);
            long tripId = Long.parseLong(cells.get(0));
            long discountFen = fen(cells.get(cells.size() - 1));
            detail.put(tripId, discountFen);
            detailByCompany.merge(cells.get(2), discountFen, Long::sum);
            detailRides++;
        }
        for (Map.Entry<Long, Integer> trip : expectedDiscount.entrySet()) {
            assertEquals(trip.getValue().longValue(), detail.get(trip.getKey()), "trip " + trip.getKey() + " in the detail");
        }
        assertFalse(detail.containsKey(refused), "a refused code is never subsidised");
        assertFalse(detail.containsKey(onBusB), "a flagged ride is out of the claim");

        // The summary's per-company × month rows add up to the detail, to the fen, and to the version's totals
        Map<String, Long> summaryByCompany = new HashMap<>();
        for (String line : lines(Settlement.file(runId, "summary.csv"))) {
            List<String> cells = csv(line);
            if (!cells.get(1).isEmpty() && cells.get(2).isEmpty() && cells.get(3).equals("SUBSIDISED")) {
                summaryByCompany.merge(cells.get(0), fen(cells.get(cells.size() - 1)), Long::sum);
            }
        }
        assertEquals(detailByCompany, summaryByCompany);
        assertEquals(detailRides, run.getJsonNumber("subsidisedRides").longValue());
        assertEquals(detailByCompany.values().stream().mapToLong(Long::longValue).sum(), run.getJsonNumber("discountFen").longValue());
        assertEquals(frozenDiscount(runId), run.getJsonNumber("discountFen").longValue(), "the files say what the basis holds");

        // A re-run is a new version, with its reason; the first stays as it was
        assertEquals("REASON_REQUIRED", call("POST", "/runs", "{\"year\":" + year + "}", 422).getString("code"));
        JsonObject again = awaitCompleted(start(year, "复核 / re-check", 0).getJsonNumber("id").longValue());
        assertEquals(run.getInt("version") + 1, again.getInt("version"));
        assertEquals("COMPLETED", Settlement.run(runId).getString("status"));
        assertNotEquals(run.getString("manifestSm3"), again.getString("manifestSm3"));
    }

    @Test
    void aSealedPackageVerifiesAndAChangedByteAMissingFileAndAnAddedFileAreEachReported() throws Exception {
        awaitNoRunning();
        int year = yesterday().getYear();
        long runId = start(year, "封存检查 / seal check", 0).getJsonNumber("id").longValue();
        awaitCompleted(runId);
        Path dir = Path.of(Settlement.packageDir(runId));
        String publicKey = new String(publicKey(), StandardCharsets.US_ASCII).trim();
        assertEquals(66, publicKey.length(), publicKey);
        assertTrue(verify(runId).getBoolean("ok"));
        assertEquals(0, bureauTool(dir, publicKey).exitCode(), "the bureau's own tool accepts the package as sealed");

        Path summary = dir.resolve("summary.csv");
        byte[] original = Files.readAllBytes(summary);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 0x01;
        Files.write(summary, changed);
        assertEquals(List.of("summary.csv"), strings(verify(runId).getJsonArray("changed")));
        assertEquals(1, bureauTool(dir, publicKey).exitCode());
        Files.write(summary, original);

        Path detail = dir.resolve("detail.csv");
        Path aside = Files.move(detail, dir.resolveSibling(dir.getFileName() + "-detail.csv.aside"));
        JsonObject missing = verify(runId);
        assertEquals(List.of("detail.csv"), strings(missing.getJsonArray("missing")));
        assertFalse(missing.getBoolean("ok"));
        Files.move(aside, detail);

        Path extra = Files.writeString(dir.resolve("extra.txt"), "not sealed");
        JsonObject added = verify(runId);
        assertEquals(List.of("extra.txt"), strings(added.getJsonArray("added")));
        BureauTool report = bureauTool(dir, publicKey);
        assertEquals(1, report.exitCode());
        assertTrue(report.output().contains("extra.txt"), report.output());
        Files.delete(extra);
        assertTrue(verify(runId).getBoolean("ok"), "restored, it verifies again");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonObject verify(long runId) throws Exception {
        return call("POST", "/runs/" + runId + "/verify", null, 200);
    }

    private static byte[] publicKey() throws Exception {
        return ValidatorClient.operator("GET", Settlement.API + "/public-key", null).body().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    /** The command-line verifier as the bureau runs it: its own jar, its own JVM, the package and the key. */
    private record BureauTool(int exitCode, String output) {
    }

    private static BureauTool bureauTool(Path dir, String publicKeyHex) throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("..", "package-verify", "target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-cli.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("package-verify's -cli.jar is built before the launcher"));
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), dir.toString(), publicKeyHex).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new BureauTool(process.waitFor(), output);
    }

    private static JsonObject group(JsonArray groups, long routeId, String outcome) {
        return groups.stream().map(JsonValue::asJsonObject)
                .filter(g -> g.getJsonNumber("routeId").longValue() == routeId && g.getString("outcome").equals(outcome))
                .findFirst().orElseThrow(() -> new AssertionError(outcome + " on route " + routeId + " in " + groups));
    }

    /**
     * The subsidy rule reads a trip's charge state and flag from the trip's own row: after all the rides, charges,
     * repayments and flags the suite has made through the real paths so far, no trip's copy differs from the
     * charge and the flags themselves (one statement, so one consistent snapshot while workers go on).
     */
    @Test
    void everyTripsCopyOfItsChargeStateAndFlagAgreesWithTheChargeAndTheFlags() throws Exception {
        try (Connection db = RunningSystem.openDatabase(); Statement query = db.createStatement();
             ResultSet row = query.executeQuery("SELECT COUNT(*), SUM(c.id IS NOT NULL),"
                     + " SUM(NOT (t.charge_state <=> c.state)),"
                     + " SUM(t.flagged <> EXISTS (SELECT 1 FROM trip_flag f WHERE f.trip_id = t.id))"
                     + " FROM trip_record t LEFT JOIN charge c ON c.trip_id = t.id")) {
            row.next();
            assertTrue(row.getLong(2) > 0, "the suite has charged trips by now");
            assertEquals(0, row.getLong(3), "trips whose charge state differs from their charge's, of " + row.getLong(1));
            assertEquals(0, row.getLong(4), "trips whose flag differs from the flags, of " + row.getLong(1));
        }
    }

    private static void awaitFlagged(long tripId) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!"FLAGGED".equals(Settlement.outcome(tripId))) {
            assertTrue(System.nanoTime() < until, "trip " + tripId + " never flagged: " + Settlement.outcome(tripId));
            Thread.sleep(500);
        }
    }

    private static long frozenDiscount(long runId) throws Exception {
        return ((Number) Settlement.value("SELECT COALESCE(SUM(discount_fen), 0) FROM settlement_line WHERE run_id = ?"
                + " AND outcome = 'SUBSIDISED'", runId)).longValue();
    }

    /** The data lines of a CSV file (after its BOM and header). */
    static List<String> lines(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> all = text.lines().filter(l -> !l.isBlank()).toList();
        return all.subList(1, all.size());
    }

    /** One CSV line's cells (RFC 4180: quoted cells may hold commas and doubled quotes). */
    static List<String> csv(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** "12.34" yuan as 1234 fen, exactly. */
    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
