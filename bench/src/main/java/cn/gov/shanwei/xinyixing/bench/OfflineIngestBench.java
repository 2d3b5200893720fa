package cn.gov.shanwei.xinyixing.bench;

import static cn.gov.shanwei.xinyixing.bench.BenchSystem.out;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Offline ingest through {@code POST /api/validator/v1/trips} against the running system: {@code bench.devices}
 * (4) registered devices upload in parallel, each on its own connection, batches of 500 records, 10 % of
 * them re-sent records of the device's earlier batches (the first batch of each device is all new).
 * Acknowledged = committed: the clock stops when the last answer is in, and every answer must be 200 with
 * every new record {@code STORED} and every re-sent one {@code DUPLICATE}.
 *
 * <p>Records are refused taps, so that this figure measures the ingest and not the re-verification that
 * follows it: each carries 353 random bytes as its code (the size of a real code) and the device's verdict
 * {@code MALFORMED}; the server's re-verification later agrees cheaply. The upload path does not parse codes,
 * so their content does not change its cost.
 *
 * <p>Raw limit, in the same run: the same record stream (duplicates included) written straight into
 * {@code trip_record} as the application's database user, one multi-row {@code INSERT IGNORE} of 500 rows
 * per statement with autocommit (so each statement is committed as an upload is), from as many parallel
 * connections as there are devices, for another set of registered devices, with the columns the server
 * writes. The server's run goes first; the re-verification is let drain the bench's pending rows before the
 * raw run starts and again afterwards, so both paths run beside the same background work.
 *
 * <p>Clean-up: the bench devices' trip_record, trip_upload, trip_flag and validator_nonce rows are deleted,
 * and the devices are disabled through the operator API.
 */
public final class OfflineIngestBench {

    static final int BATCH = 500;

    record Record(long serial, byte[] code, Instant scannedAt) {
    }

    public static void main(String[] args) throws Exception {
        int deviceCount = Integer.getInteger("bench.devices", 4);
        int records = Integer.getInteger("bench.records", 100_000);
        double duplicates = Double.parseDouble(System.getProperty("bench.duplicates", "0.10"));

        BenchSystem system = new BenchSystem();
        out("Offline ingest against %s: %,d records in batches of %d, %.0f %% re-sent, %d devices in parallel",
                system.baseUrl, records, BATCH, duplicates * 100, deviceCount);
        out("machine: %d processors; load average at start: %s", Runtime.getRuntime().availableProcessors(),
                BenchSystem.loadAverage());
        HttpClient operator = system.operator();
        List<BenchSystem.Device> devices = new ArrayList<>();
        List<BenchSystem.Device> rawDevices = new ArrayList<>();
        for (int i = 0; i < deviceCount; i++) {
            devices.add(system.register(operator, "BENCH-UP", "1"));
            rawDevices.add(system.register(operator, "BENCH-RAW", "1"));
        }
        List<String> ids = new ArrayList<>();
        devices.forEach(d -> ids.add(d.deviceId));
        rawDevices.forEach(d -> ids.add(d.deviceId));

        // ---------------------------------------------------------------- the record streams (not timed)
        int batchesPerDevice = Math.max(1, records / BATCH / deviceCount);
        // the first batch of a device has nothing to re-send, so the later ones re-send a little more
        int resent = (int) Math.round(BATCH * duplicates * batchesPerDevice / Math.max(1, batchesPerDevice - 1));
        Instant base = Instant.now().minusSeconds(3 * 86_400);
        SplittableRandom random = new SplittableRandom(42);
        List<List<List<Record>>> streams = new ArrayList<>();
        int total = 0;
        int totalResent = 0;
        for (int d = 0; d < deviceCount; d++) {
            List<List<Record>> batches = new ArrayList<>();
            List<Record> sent = new ArrayList<>();
            long serial = 0;
            for (int b = 0; b < batchesPerDevice; b++) {
                List<Record> batch = new ArrayList<>();
                int again = b == 0 ? 0 : resent;
                java.util.Set<Integer> picked = new java.util.LinkedHashSet<>();
                while (picked.size() < Math.min(again, sent.size())) {
                    picked.add(random.nextInt(sent.size()));
                }
                for (int k : picked) {
                    batch.add(sent.get(k));
                }
                while (batch.size() < BATCH) {
                    byte[] code = new byte[353];
                    random.nextBytes(code);
                    serial++;
                    Record record = new Record(serial, code, base.plusSeconds(serial * 7 + d));
                    batch.add(record);
                    sent.add(record);
                }
                // a re-sent serial must not be in the same batch twice with the same key: the random picks may repeat
                batch = new ArrayList<>(batch.stream().collect(Collectors.toMap(Record::serial, r -> r, (a, c) -> a,
                        java.util.LinkedHashMap::new)).values());
                batches.add(batch);
                total += batch.size();
            }
            streams.add(batches);
        }
        long newRecords = 0;
        for (List<List<Record>> stream : streams) {
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (List<Record> batch : stream) {
                for (Record r : batch) {
                    if (seen.add(r.serial())) {
                        newRecords++;
                    }
                }
            }
        }
        totalResent = (int) (total - newRecords);
        out("streams: %,d records sent (%,d new, %,d re-sent = %.1f %%) in %,d requests",
                total, newRecords, totalResent, 100.0 * totalResent / total, deviceCount * batchesPerDevice);
        List<List<byte[]>> bodies = new ArrayList<>();
        for (List<List<Record>> stream : streams) {
            List<byte[]> rendered = new ArrayList<>();
            for (List<Record> batch : stream) {
                rendered.add(json(batch));
            }
            bodies.add(rendered);
        }

        // ---------------------------------------------------------------- the server
        drainWait(system, ids, 120);
        out("load average before the upload: %s", BenchSystem.loadAverage());
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(deviceCount);
        List<Future<?>> uploads = new ArrayList<>();
        long start = System.nanoTime();
        for (int d = 0; d < deviceCount; d++) {
            BenchSystem.Device device = devices.get(d);
            List<byte[]> rendered = bodies.get(d);
            List<List<Record>> stream = streams.get(d);
            uploads.add(pool.submit(() -> {
                HttpClient client = system.client(null);
                java.util.Set<Long> seen = new java.util.HashSet<>();
                for (int b = 0; b < rendered.size(); b++) {
                    HttpResponse<String> answer = client.send(device.post("/api/validator/v1/trips", rendered.get(b)),
                            HttpResponse.BodyHandlers.ofString());
                    int stored = count(answer.body(), "\"status\":\"STORED\"");
                    int dup = count(answer.body(), "\"status\":\"DUPLICATE\"");
                    int expectNew = 0;
                    for (Record r : stream.get(b)) {
                        expectNew += seen.add(r.serial()) ? 1 : 0;
                    }
                    if (answer.statusCode() != 200 || stored != expectNew || dup != stream.get(b).size() - expectNew) {
                        if (wrong.getAndIncrement() == 0) {
                            out("WRONG ANSWER %s batch %d: HTTP %d, %d stored (expected %d), %d duplicates: %s", device.deviceId,
                                    b, answer.statusCode(), stored, expectNew, dup,
                                    answer.body().substring(0, Math.min(500, answer.body().length())));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : uploads) {
            f.get();
        }
        double serverSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long landed = countRows(system, devices);
        out("server: %,d records in %.2f s, %,d rows stored; load average %s", total, serverSeconds, landed,
                BenchSystem.loadAverage());

        // ---------------------------------------------------------------- the raw limit
        drainWait(system, ids, 300);
        long[] rawValidatorIds = validatorIds(system, rawDevices);
        long companyId;
        long routeId;
        try (Connection db = system.database(); Statement q = db.createStatement();
             ResultSet rs = q.executeQuery("SELECT v.company_id, v.route_id FROM validator v WHERE v.id = " + rawValidatorIds[0])) {
            rs.next();
            companyId = rs.getLong(1);
            routeId = rs.getLong(2);
        }
        // the upload row each raw batch points to, as the server's do (not timed)
        long[] rawUploads = new long[deviceCount];
        try (Connection db = system.database(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO trip_upload (validator_id, received_at, records) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (int d = 0; d < deviceCount; d++) {
                insert.setLong(1, rawValidatorIds[d]);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setInt(3, 0);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    rawUploads[d] = key.getLong(1);
                }
            }
        }
        out("load average before the raw insert: %s", BenchSystem.loadAverage());
        pool = Executors.newFixedThreadPool(deviceCount);
        List<Future<?>> raws = new ArrayList<>();
        start = System.nanoTime();
        for (int d = 0; d < deviceCount; d++) {
            long validatorId = rawValidatorIds[d];
            long uploadId = rawUploads[d];
            List<List<Record>> stream = streams.get(d);
            raws.add(pool.submit(() -> {
                try (Connection db = system.database()) {
                    db.setAutoCommit(true);
                    for (List<Record> batch : stream) {
                        rawInsert(db, validatorId, companyId, routeId, uploadId, batch);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : raws) {
            f.get();
        }
        double rawSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long rawLanded = countRows(system, rawDevices);
        out("raw: %,d records in %.2f s, %,d rows stored", total, rawSeconds, rawLanded);

        out("");
        double serverRate = total / serverSeconds;
        double rawRate = total / rawSeconds;
        out("RESULT offline ingest through the API: %,d records (%.1f %% re-sent) in %.2f s = %,.0f records/s"
                        + " (%,.0f new rows/s)   (goal >= 20,000/s: %s)", total, 100.0 * totalResent / total, serverSeconds,
                serverRate, newRecords / serverSeconds, serverRate >= 20_000 ? "met" : "NOT met");
        out("RESULT raw multi-row INSERT IGNORE, same records, %d connections: %.2f s = %,.0f records/s", deviceCount,
                rawSeconds, rawRate);
        double ratio = serverRate / rawRate;
        out("RESULT ratio ingest_rate / raw_insert_rate = %.3f   (goal >= 0.5: %s)", ratio, ratio >= 0.5 ? "met" : "NOT met");
        out("RESULT answers: %s; rows stored: server %,d, raw %,d, new records %,d", wrong.get() == 0 ? "all right"
                : wrong.get() + " WRONG", landed, rawLanded, newRecords);

        // ---------------------------------------------------------------- clean-up
        drainWait(system, ids, 300);
        cleanUp(system, operator, ids);
        out("load average at the end: %s", BenchSystem.loadAverage());
        System.exit(wrong.get() == 0 && landed == newRecords && rawLanded == newRecords ? 0 : 1);
    }

    static byte[] json(List<Record> batch) {
        StringBuilder out = new StringBuilder(batch.size() * 600).append("{\"records\":[");
        for (int i = 0; i < batch.size(); i++) {
            Record r = batch.get(i);
            out.append(i == 0 ? "" : ",").append("{\"serial\":").append(r.serial()).append(",\"code\":\"")
                    .append(Base64.getEncoder().encodeToString(r.code())).append("\",\"scannedAt\":\"").append(r.scannedAt())
                    .append("\",\"routeNo\":\"1\",\"fareFen\":200,\"verdict\":\"MALFORMED\"}");
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A content digest for a raw row: SM3 over the record's fields, as the server's is (its exact layout,
     * TripContent, is not needed: nothing compares the raw rows' digests, and the cost is the same).
     */
    static byte[] content(Record r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(ByteBuffer.allocate(8).putLong(r.serial()).array());
        bytes.writeBytes(r.code());
        bytes.writeBytes(r.scannedAt().toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("|1|200|MALFORMED".getBytes(StandardCharsets.UTF_8));
        return SmCrypto.sm3(bytes.toByteArray());
    }

    static void rawInsert(Connection db, long validatorId, long companyId, long routeId, long uploadId, List<Record> rows)
            throws Exception {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO trip_record (validator_id, device_serial, company_id,"
                + " route_id, source, state, device_verdict, ridden_at, received_at, code, code_digest, content_digest,"
                + " upload_id, original_fen, discount_fen, charged_fen) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,'OFFLINE','PENDING',?,?,?,?,?,?,?,0,0,0)");
        }
        try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
            int p = 1;
            Timestamp received = Timestamp.from(Instant.now());
            for (Record row : rows) {
                insert.setLong(p++, validatorId);
                insert.setLong(p++, row.serial());
                insert.setLong(p++, companyId);
                insert.setLong(p++, routeId);
                insert.setString(p++, "MALFORMED");
                insert.setTimestamp(p++, Timestamp.from(row.scannedAt()));
                insert.setTimestamp(p++, received);
                insert.setBytes(p++, row.code());
                insert.setBytes(p++, SmCrypto.sm3(row.code()));
                insert.setBytes(p++, content(row));
                insert.setLong(p++, uploadId);
            }
            insert.executeUpdate();
        }
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static long[] validatorIds(BenchSystem system, List<BenchSystem.Device> devices) throws Exception {
        long[] ids = new long[devices.size()];
        try (Connection db = system.database(); PreparedStatement q = db.prepareStatement("SELECT id FROM validator WHERE device_id = ?")) {
            for (int i = 0; i < ids.length; i++) {
                q.setString(1, devices.get(i).deviceId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    static String inList(BenchSystem system, List<String> deviceIds) throws Exception {
        StringBuilder in = new StringBuilder();
        try (Connection db = system.database(); PreparedStatement q = db.prepareStatement("SELECT id FROM validator WHERE device_id = ?")) {
            for (String id : deviceIds) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        in.append(in.length() == 0 ? "" : ",").append(rs.getLong(1));
                    }
                }
            }
        }
        return in.toString();
    }

    static long countRows(BenchSystem system, List<BenchSystem.Device> devices) throws Exception {
        String in = inList(system, devices.stream().map(d -> d.deviceId).toList());
        try (Connection db = system.database(); Statement q = db.createStatement();
             ResultSet rs = q.executeQuery("SELECT COUNT(*) FROM trip_record WHERE validator_id IN (" + in + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until none of these devices' rows is PENDING (the re-verification has decided them). */
    static void drainWait(BenchSystem system, List<String> deviceIds, int maxSeconds) throws Exception {
        String in = inList(system, deviceIds);
        long start = System.nanoTime();
        try (Connection db = system.database(); Statement q = db.createStatement()) {
            while (true) {
                try (ResultSet rs = q.executeQuery("SELECT COUNT(*) FROM trip_record WHERE state = 'PENDING' AND validator_id IN (" + in + ")")) {
                    rs.next();
                    long pending = rs.getLong(1);
                    if (pending == 0) {
                        if (System.nanoTime() - start > 1_000_000_000L) {
                            out("re-verification drained the bench's rows in %.1f s", (System.nanoTime() - start) / 1e9);
                        }
                        return;
                    }
                    if (System.nanoTime() - start > maxSeconds * 1_000_000_000L) {
                        out("still %,d pending after %d s; going on", pending, maxSeconds);
                        return;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }

    /** Deletes the bench devices' rows and disables the devices through the operator API. */
    static void cleanUp(BenchSystem system, HttpClient operator, List<String> deviceIds) throws Exception {
        String in = inList(system, deviceIds);
        long start = System.nanoTime();
        int flags;
        int trips = 0;
        int uploads;
        int nonces;
        try (Connection db = system.database(); Statement s = db.createStatement()) {
            flags = s.executeUpdate("DELETE FROM trip_flag WHERE validator_id IN (" + in + ") OR trip_id IN"
                    + " (SELECT id FROM trip_record WHERE validator_id IN (" + in + ")) OR other_trip_id IN"
                    + " (SELECT id FROM trip_record WHERE validator_id IN (" + in + "))");
            for (int n; (n = s.executeUpdate("DELETE FROM trip_record WHERE validator_id IN (" + in + ") LIMIT 20000")) > 0; ) {
                trips += n;
            }
            uploads = s.executeUpdate("DELETE FROM trip_upload WHERE validator_id IN (" + in + ")");
            nonces = s.executeUpdate("DELETE FROM validator_nonce WHERE validator_id IN (" + in + ")");
        }
        for (String id : deviceIds) {
            HttpResponse<String> disabled = operator.send(HttpRequest.newBuilder(system.uri("/api/operator/v1/devices/" + id + "/disable"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (disabled.statusCode() != 200) {
                out("disabling %s: HTTP %d %s", id, disabled.statusCode(), disabled.body());
            }
        }
        out("clean-up: deleted %,d trips, %,d uploads, %,d flags, %,d nonces of %d bench devices, which are now disabled (%.1f s)",
                trips, uploads, flags, nonces, deviceIds.size(), (System.nanoTime() - start) / 1e9);
    }
}
