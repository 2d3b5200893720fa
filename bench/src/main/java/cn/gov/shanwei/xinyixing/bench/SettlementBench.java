package cn.gov.shanwei.xinyixing.bench;

import static cn.gov.shanwei.xinyixing.bench.BenchSystem.out;

import cn.gov.shanwei.xinyixing.settlement.control.DetailCsv;
import cn.gov.shanwei.xinyixing.settlement.control.DetailLine;
import cn.gov.shanwei.xinyixing.settlement.control.SettlementWorkbook;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import jakarta.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The annual settlement at the city's scale. A generator writes a realistic year straight into the database —
 * {@code bench.trips} trips (10,000,000) on {@code bench.buses} buses (1,300) spread over the network's routes,
 * busier on weekdays and at the rush hours, 1 % refused, 0.5 % unpriced, 1 % uploaded days late, one in 331
 * flagged, and their charges (1 % in arrears, 1 % still pending) — with its expected subsidy known from the
 * generator's own arithmetic. The generated trips carry no device serial (like rides recorded before
 * validators were devices), so the server's fraud watch leaves them as generated and the expected totals hold;
 * none is PENDING, so the re-verification has nothing of theirs to pick up. Then, each against its raw limit in the same run:
 * <ol>
 *   <li>the year's summary through the subsidy rule (the view {@code trip_outcome}) vs a raw {@code GROUP BY} of
 *       {@code trip_record} over the same rows;</li>
 *   <li>one nightly roll-up of the busiest day, all the year's days, and the year read from the roll-ups;</li>
 *   <li>the whole annual run through the API (basis, files, seal) and its totals against the expected ones;</li>
 *   <li>the detail of the run written to CSV and xlsx in this JVM (heap limit as run, peak heap measured) vs
 *       only reading the same rows.</li>
 * </ol>
 * Everything the bench wrote is deleted at the end unless {@code -Dbench.keep=true}.
 */
public final class SettlementBench {

    private static final ZoneId SHANWEI = ZoneId.of("Asia/Shanghai");
    private static final int FLAG_EVERY = 331;

    private SettlementBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSystem system = new BenchSystem();
        int trips = Integer.getInteger("bench.trips", 10_000_000);
        int buses = Integer.getInteger("bench.buses", 1_300);
        int year = Integer.getInteger("bench.year", LocalDate.now(SHANWEI).getYear());
        HttpClient operator = system.operator();
        out("settlement bench: %,d trips, %,d buses, year %d; heap limit of this JVM %,d MiB; load average %s", trips, buses,
                year, Runtime.getRuntime().maxMemory() >> 20, BenchSystem.loadAverage());

        BenchSystem.Rider rider = system.signUp(1, "BENCH-SETTLE").get(0);
        String accountNo = rider.authorisation().paymentAccount();
        long accountId;
        long[] validators;
        long[] companyOf;
        long[] routeOf;
        int[] fareOf;
        try (Connection db = system.database()) {
            accountId = single(db, "SELECT id FROM citizen_account WHERE payment_account_no = '" + accountNo + "'");
            List<long[]> routes = new ArrayList<>();
            try (Statement q = db.createStatement(); ResultSet r = q.executeQuery(
                    "SELECT r.id, r.company_id, COALESCE((SELECT f.fare_fen FROM route_fare f WHERE f.route_id = r.id"
                            + " ORDER BY f.valid_from DESC LIMIT 1), 200) FROM bus_route r ORDER BY r.id")) {
                while (r.next()) {
                    routes.add(new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
                }
            }
            validators = new long[buses];
            companyOf = new long[buses];
            routeOf = new long[buses];
            fareOf = new int[buses];
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO validator (device_id, company_id, route_id,"
                    + " bus_plate, active) VALUES (?, ?, ?, ?, FALSE)", Statement.RETURN_GENERATED_KEYS)) {
                for (int b = 0; b < buses; b++) {
                    long[] route = routes.get(b % routes.size());
                    insert.setString(1, String.format("BENCH-ST-%05d", b));
                    insert.setLong(2, route[1]);
                    insert.setLong(3, route[0]);
                    insert.setString(4, "粤N·S" + b);
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        validators[b] = key.getLong(1);
                    }
                    companyOf[b] = route[1];
                    routeOf[b] = route[0];
                    fareOf[b] = (int) route[2];
                }
            }
        }
        long firstValidator = validators[0];
        long lastValidator = validators[buses - 1];
        try {
            // ------------------------------------------------------------ the generated year
            long start = System.nanoTime();
            Totals expected = generate(system, trips, year, validators, companyOf, routeOf, fareOf);
            double generateSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            try (Connection db = system.database(); Statement s = db.createStatement()) {
                String bench = "t.validator_id BETWEEN " + firstValidator + " AND " + lastValidator;
                s.executeUpdate("INSERT INTO charge (trip_id, account_id, payment_account_no, original_fen, charged_fen,"
                        + " ridden_at, state, order_no, created_at, settled_at) SELECT t.id, " + accountId + ", '" + accountNo
                        + "', t.original_fen, t.charged_fen, t.ridden_at, CASE WHEN t.id % 100 = 7 THEN 'IN_ARREARS'"
                        + " WHEN t.id % 100 = 13 THEN 'DUE' ELSE 'PAID' END, CONCAT('BST', t.id), t.ridden_at, t.ridden_at"
                        + " FROM trip_record t WHERE " + bench + " AND t.state = 'ACCEPTED'");
                s.executeUpdate("INSERT INTO trip_flag (kind, trip_id, validator_id, company_id, raised_at, evidence)"
                        + " SELECT 'IMPOSSIBLE_JOURNEY', t.id, t.validator_id, t.company_id, t.received_at, '{\"bench\":true}'"
                        + " FROM trip_record t WHERE " + bench + " AND t.id % " + FLAG_EVERY + " = 0");
                // What the system keeps on the trip's row as it charges and flags (TripChargeStates, TripFlags)
                s.executeUpdate("UPDATE trip_record t JOIN charge c ON c.trip_id = t.id SET t.charge_state = c.state"
                        + " WHERE " + bench);
                s.executeUpdate("UPDATE trip_record t SET t.flagged = TRUE WHERE " + bench + " AND t.id % " + FLAG_EVERY + " = 0");
            }
            out("generated %,d trips with charges and flags in %.1f s (trips %.1f s); expected subsidised: %,d rides, %,d fen",
                    trips, (System.nanoTime() - start) / 1e9 + generateSeconds, generateSeconds, expected.rides(),
                    expected.discountFen());

            // ------------------------------------------------------------ summary through the rule vs raw GROUP BY
            String from = LocalDate.of(year, 1, 1).toString();
            String to = LocalDate.of(year + 1, 1, 1).toString();
            String raw = "SELECT company_id, MONTH(ridden_at), route_id, COUNT(*), SUM(original_fen), SUM(charged_fen),"
                    + " SUM(discount_fen) FROM trip_record WHERE ridden_at >= '" + from + "' AND ridden_at < '" + to
                    + "' GROUP BY company_id, MONTH(ridden_at), route_id";
            String rule = "SELECT company_id, MONTH(ridden_at), route_id, outcome, COUNT(*), SUM(original_fen),"
                    + " SUM(charged_fen), SUM(discount_fen) FROM trip_outcome WHERE ridden_at >= '" + from + "' AND ridden_at < '"
                    + to + "' GROUP BY company_id, MONTH(ridden_at), route_id, outcome";
            double rawBest = Double.MAX_VALUE;
            double ruleBest = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                rawBest = Math.min(rawBest, timeQuery(system, raw));
                ruleBest = Math.min(ruleBest, timeQuery(system, rule));
            }
            out("RESULT year summary from raw trips through the subsidy rule: %.2f s; raw GROUP BY of the same rows: %.2f s;"
                    + " ratio %.2f   (goal <= 1.5: %s)", ruleBest, rawBest, ruleBest / rawBest, ruleBest / rawBest <= 1.5 ? "met" : "NOT met");

            // ------------------------------------------------------------ nightly roll-ups
            LocalDate busiest = busiestDay(system, year, firstValidator, lastValidator);
            start = System.nanoTime();
            post(system, operator, "/api/operator/v1/settlement/rollups/" + busiest, null);
            double busiestSeconds = (System.nanoTime() - start) / 1e9;
            long busiestTrips = countOn(system, busiest);
            start = System.nanoTime();
            int days = 0;
            LocalDate today = LocalDate.now(SHANWEI);
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year && day.isBefore(today); day = day.plusDays(1)) {
                post(system, operator, "/api/operator/v1/settlement/rollups/" + day, null);
                days++;
            }
            double allDays = (System.nanoTime() - start) / 1e9;
            double fromRollUps = timeQuery(system, "SELECT company_id, route_id, concession, outcome, SUM(rides), SUM(original_fen),"
                    + " SUM(charged_fen), SUM(discount_fen) FROM daily_rollup WHERE service_day >= '" + from + "' AND service_day < '"
                    + to + "' GROUP BY company_id, route_id, concession, outcome");
            out("RESULT nightly roll-up of the busiest day (%s, %,d trips): %.2f s; all %d days: %.1f s", busiest, busiestTrips,
                    busiestSeconds, days, allDays);
            out("RESULT the year from the nightly roll-ups: %.3f s   (goal <= 1 s: %s)", fromRollUps, fromRollUps <= 1 ? "met" : "NOT met");

            // ------------------------------------------------------------ the annual run through the API
            Totals before = subsidisedOutsideBench(system, year, firstValidator, lastValidator);
            start = System.nanoTime();
            JsonObject run = BenchSystem.json(post(system, operator, "/api/operator/v1/settlement/runs",
                    "{\"year\":" + year + ",\"reason\":\"benchmark " + trips + " trips\"}"));
            long runId = run.getJsonNumber("id").longValue();
            JsonObject done;
            while (true) {
                done = BenchSystem.json(get(system, operator, "/api/operator/v1/settlement/runs/" + runId));
                String status = done.getString("status");
                if (!status.equals("RUNNING")) {
                    break;
                }
                Thread.sleep(1000);
            }
            double runSeconds = (System.nanoTime() - start) / 1e9;
            long runRides = done.getJsonNumber("subsidisedRides").longValue();
            long runDiscount = done.getJsonNumber("discountFen").longValue();
            boolean exact = runRides == expected.rides() + before.rides() && runDiscount == expected.discountFen() + before.discountFen();
            out("RESULT annual run from raw trips (basis, CSV + xlsx, seal) of %,d rows: %s in %.1f s = %.2f x the raw GROUP BY;"
                    + " subsidised %,d rides, %,d fen: %s", done.getJsonNumber("rowsTotal").longValue(), done.getString("status"),
                    runSeconds, runSeconds / rawBest, runRides, runDiscount, exact ? "exactly the generator's totals (plus the "
                            + before.rides() + " rides already in the year)" : "NOT the expected " + expected + " + " + before);

            // ------------------------------------------------------------ the detail files, in this JVM
            Path dir = Files.createTempDirectory("settlement-bench");
            try {
                resetPeaks();
                start = System.nanoTime();
                long read = streamDetail(system, runId, null, null);
                double readSeconds = (System.nanoTime() - start) / 1e9;
                long readPeak = heapPeak();
                resetPeaks();
                start = System.nanoTime();
                long csvRows;
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve("detail.csv")), 1 << 16);
                     DetailCsv csv = new DetailCsv(file)) {
                    csvRows = streamDetail(system, runId, csv, null);
                }
                double csvSeconds = (System.nanoTime() - start) / 1e9;
                long csvPeak = heapPeak();
                resetPeaks();
                start = System.nanoTime();
                long xlsxRows;
                try (SettlementWorkbook book = new SettlementWorkbook(year, 99, ZonedDateTime.now(SHANWEI));
                     OutputStream file = new BufferedOutputStream(Files.newOutputStream(dir.resolve("detail.xlsx")), 1 << 16)) {
                    xlsxRows = streamDetail(system, runId, null, book);
                    book.finish(expected, "bench", file);
                }
                double xlsxSeconds = (System.nanoTime() - start) / 1e9;
                long xlsxPeak = heapPeak();
                out("RESULT reading the %,d-row detail only: %.1f s, peak heap %,d MiB", read, readSeconds, readPeak >> 20);
                out("RESULT detail CSV: %,d rows in %.1f s (%.2f x reading), %,d MiB on disk, peak heap %,d MiB", csvRows, csvSeconds,
                        csvSeconds / readSeconds, Files.size(dir.resolve("detail.csv")) >> 20, csvPeak >> 20);
                out("RESULT detail xlsx (the package workbook): %,d rows in %.1f s (%.2f x reading), %,d MiB on disk, peak heap %,d MiB,"
                        + " heap limit %,d MiB", xlsxRows, xlsxSeconds, xlsxSeconds / readSeconds,
                        Files.size(dir.resolve("detail.xlsx")) >> 20, xlsxPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
            if (!Boolean.getBoolean("bench.keep")) {
                try (Connection db = system.database(); Statement s = db.createStatement()) {
                    try (ResultSet r = s.executeQuery("SELECT package_dir FROM settlement_run WHERE id = " + runId)) {
                        if (r.next() && r.getString(1) != null) {
                            deleteTree(Path.of(r.getString(1)));
                        }
                    }
                    s.executeUpdate("DELETE FROM settlement_line WHERE run_id = " + runId);
                    s.executeUpdate("DELETE FROM settlement_run WHERE id = " + runId);
                }
            }
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                cleanUp(system, operator, firstValidator, lastValidator, year);
            }
        }
        out("load average at the end: %s", BenchSystem.loadAverage());
    }

    /**
     * Writes the trips with multi-row INSERTs on one connection (their ids are then consecutive, so the flag and
     * charge rules keyed on the id are known here) and returns the subsidised totals the rule must find.
     */
    private static Totals generate(BenchSystem system, int trips, int year, long[] validators, long[] companyOf, long[] routeOf,
                                   int[] fareOf) throws Exception {
        SplittableRandom random = new SplittableRandom(year);
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = Math.max(1, (int) Math.min(first.lengthOfYear(), LocalDate.now(SHANWEI).toEpochDay() - first.toEpochDay()));
        long rides = 0;
        long original = 0;
        long charged = 0;
        long discount = 0;
        int batch = 2_000;
        StringBuilder sql = new StringBuilder("INSERT INTO trip_record (validator_id, device_serial, company_id, route_id,"
                + " source, state, reason, ridden_at, received_at, concession, payment_account_no, original_fen, discount_fen,"
                + " charged_fen, rate_basis_points) VALUES ");
        int prefix = sql.length();
        try (Connection db = system.database(); Statement s = db.createStatement()) {
            for (int done = 0; done < trips; ) {
                int n = Math.min(batch, trips - done);
                sql.setLength(prefix);
                int[] states = new int[n];
                int[] amounts = new int[n];
                for (int i = 0; i < n; i++) {
                    int b = random.nextInt(validators.length);
                    LocalDate day = first.plusDays(random.nextInt(days));
                    if (day.getDayOfWeek().getValue() >= 6 && random.nextInt(3) == 0) {
                        day = day.minusDays(2); // weekends are quieter: a third of theirs move to Thursday, Friday
                    }
                    int minute = random.nextInt(4) == 0 ? (7 * 60 + random.nextInt(120)) : (6 * 60 + random.nextInt(16 * 60 + 29));
                    LocalDateTime ridden = day.atStartOfDay().plusMinutes(minute).plusSeconds(random.nextInt(60));
                    LocalDateTime received = random.nextInt(100) == 0 ? ridden.plusDays(3) : ridden.plusMinutes(5);
                    int state = random.nextInt(1000); // < 10 refused, < 15 unpriced, else accepted
                    int fare = fareOf[b];
                    boolean accepted = state >= 15;
                    int off = accepted ? fare * 5000 / 10_000 : 0;
                    states[i] = state;
                    amounts[i] = fare;
                    sql.append(i == 0 ? "" : ",").append('(').append(validators[b]).append(",NULL,")
                            .append(companyOf[b]).append(',').append(routeOf[b]).append(",'OFFLINE','")
                            .append(state < 10 ? "REFUSED','USER_SIGNATURE_INVALID'" : state < 15 ? "UNPRICED',NULL" : "ACCEPTED',NULL")
                            .append(",'").append(Timestamp.valueOf(ridden)).append("','").append(Timestamp.valueOf(received))
                            .append("',").append(accepted ? "'RED_LIST'" : "NULL").append(",NULL,")
                            .append(accepted ? fare : 0).append(',').append(off).append(',').append(accepted ? fare - off : 0)
                            .append(',').append(accepted ? 5000 : 0).append(')');
                }
                s.executeUpdate(sql.toString(), Statement.RETURN_GENERATED_KEYS);
                long firstId;
                try (ResultSet key = s.getGeneratedKeys()) {
                    key.next();
                    firstId = key.getLong(1);
                }
                for (int i = 0; i < n; i++) {
                    long id = firstId + i;
                    boolean subsidised = states[i] >= 15 && id % FLAG_EVERY != 0 && id % 100 != 13;
                    if (subsidised) {
                        int fare = amounts[i];
                        int off = fare * 5000 / 10_000;
                        rides++;
                        original += fare;
                        charged += fare - off;
                        discount += off;
                    }
                }
                done += n;
            }
        }
        return new Totals(rides, original, charged, discount);
    }

    private static long streamDetail(BenchSystem system, long runId, DetailCsv csv, SettlementWorkbook book) throws Exception {
        try (Connection db = system.database(); PreparedStatement q = db.prepareStatement("SELECT trip_id, ridden_at,"
                        + " company_code, route_no, device_id, payment_account_no, concession, policy_version_id, original_fen,"
                        + " charged_fen, discount_fen FROM settlement_line WHERE run_id = ? AND outcome = 'SUBSIDISED' ORDER BY trip_id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            q.setFetchSize(10_000);
            q.setLong(1, runId);
            long n = 0;
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    DetailLine line = new DetailLine(r.getLong(1), r.getTimestamp(2).toLocalDateTime(), r.getString(3),
                            r.getString(4), r.getString(5), "6222********1234", r.getString(7), "P" + r.getLong(8), r.getLong(9),
                            r.getLong(10), r.getLong(11));
                    if (csv != null) {
                        csv.write(line);
                    }
                    if (book != null) {
                        book.detail(line);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    private static Totals subsidisedOutsideBench(BenchSystem system, int year, long firstValidator, long lastValidator) throws Exception {
        try (Connection db = system.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "SELECT COUNT(*), COALESCE(SUM(original_fen), 0), COALESCE(SUM(charged_fen), 0), COALESCE(SUM(discount_fen), 0)"
                        + " FROM trip_outcome WHERE outcome = 'SUBSIDISED' AND ridden_at >= '" + year + "-01-01' AND ridden_at < '"
                        + (year + 1) + "-01-01' AND validator_id NOT BETWEEN " + firstValidator + " AND " + lastValidator)) {
            r.next();
            return new Totals(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
        }
    }

    private static LocalDate busiestDay(BenchSystem system, int year, long firstValidator, long lastValidator) throws Exception {
        try (Connection db = system.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                "SELECT DATE(ridden_at) d, COUNT(*) n FROM trip_record WHERE validator_id BETWEEN " + firstValidator + " AND "
                        + lastValidator + " GROUP BY d ORDER BY n DESC LIMIT 1")) {
            r.next();
            return r.getDate(1).toLocalDate();
        }
    }

    private static long countOn(BenchSystem system, LocalDate day) throws Exception {
        try (Connection db = system.database()) {
            return single(db, "SELECT COUNT(*) FROM trip_record WHERE ridden_at >= '" + day + "' AND ridden_at < '" + day.plusDays(1) + "'");
        }
    }

    private static double timeQuery(BenchSystem system, String sql) throws Exception {
        try (Connection db = system.database(); Statement s = db.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    r.getLong(1);
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String post(BenchSystem system, HttpClient operator, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.uri(path)).timeout(java.time.Duration.ofMinutes(10));
        request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = operator.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw BenchSystem.failed("POST " + path, response);
        }
        return response.body();
    }

    private static String get(BenchSystem system, HttpClient operator, String path) throws Exception {
        HttpResponse<String> response = operator.send(HttpRequest.newBuilder(system.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw BenchSystem.failed("GET " + path, response);
        }
        return response.body();
    }

    private static long single(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any moment. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Deletes what the bench wrote, in id ranges so no transaction holds millions of rows. */
    private static void cleanUp(BenchSystem system, HttpClient operator, long firstValidator, long lastValidator, int year)
            throws Exception {
        long start = System.nanoTime();
        try (Connection db = system.database(); Statement s = db.createStatement()) {
            long low = single(db, "SELECT COALESCE(MIN(id), 0) FROM trip_record WHERE validator_id BETWEEN " + firstValidator
                    + " AND " + lastValidator);
            long high = single(db, "SELECT COALESCE(MAX(id), -1) FROM trip_record WHERE validator_id BETWEEN " + firstValidator
                    + " AND " + lastValidator);
            for (long from = low; from <= high; from += 100_000) {
                String range = " BETWEEN " + from + " AND " + (from + 99_999);
                s.executeUpdate("DELETE FROM trip_flag WHERE trip_id" + range);
                s.executeUpdate("DELETE FROM charge WHERE trip_id" + range);
                s.executeUpdate("DELETE FROM trip_record WHERE id" + range + " AND validator_id BETWEEN " + firstValidator + " AND "
                        + lastValidator);
            }
            s.executeUpdate("DELETE FROM validator WHERE id BETWEEN " + firstValidator + " AND " + lastValidator);
        }
        // The days are rolled up again without the bench's trips (their adjustments say so)
        LocalDate today = LocalDate.now(SHANWEI);
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year && day.isBefore(today); day = day.plusDays(1)) {
            post(system, operator, "/api/operator/v1/settlement/rollups/" + day, null);
        }
        out("cleaned up in %.1f s", (System.nanoTime() - start) / 1e9);
    }
}
