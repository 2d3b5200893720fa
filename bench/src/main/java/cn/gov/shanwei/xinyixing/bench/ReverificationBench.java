package cn.gov.shanwei.xinyixing.bench;

import static cn.gov.shanwei.xinyixing.bench.BenchSystem.out;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's asynchronous re-verification of uploaded records, against the running system.
 * {@code bench.records} (20,000) valid codes from {@code bench.riders} (100) riders, each with its own
 * generation time in the past (scanned 3 s after it was made, as the device's verdict {@code OK} says), are
 * uploaded by {@code bench.devices} (4) devices in batches of 500; the re-verification (its 5-second timer,
 * 2 workers claiming 200 rows with {@code SKIP LOCKED}) then decides them. The bench polls the database every
 * 100 ms for the bench devices' PENDING rows.
 *
 * <p>Figure: records / (time of the last decision − time of the first), the pipeline's own rate once it has
 * started (the timer's wait before the first claim is printed apart); ratio to the 2-thread bare SM2
 * verification rate measured in this run just before. Every record must end {@code ACCEPTED}.
 * Clean-up as in {@link OfflineIngestBench}.
 */
public final class ReverificationBench {

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 20_000);
        int riderCount = Integer.getInteger("bench.riders", 100);
        int deviceCount = Integer.getInteger("bench.devices", 4);

        BenchSystem system = new BenchSystem();
        out("Re-verification against %s: %,d uploaded valid codes of %d riders from %d devices", system.baseUrl, records,
                riderCount, deviceCount);
        out("machine: %d processors; load average at start: %s", Runtime.getRuntime().availableProcessors(),
                BenchSystem.loadAverage());
        HttpClient operator = system.operator();
        List<BenchSystem.Device> devices = new ArrayList<>();
        for (int i = 0; i < deviceCount; i++) {
            devices.add(system.register(operator, "BENCH-REV", "1"));
        }
        List<String> ids = devices.stream().map(d -> d.deviceId).toList();
        List<BenchSystem.Rider> riders = system.signUp(riderCount, "汕信用〔2026〕BENCH-REV");
        // Made a day ago, one second apart per rider: distinct codes, valid when they were scanned
        long first = Instant.now().getEpochSecond() - 86_400;
        long t = System.nanoTime();
        byte[][] codes = BenchSystem.codes(riders, records, first, 2);
        out("set-up: %d devices, %d riders, %,d codes made in %.1f s", deviceCount, riderCount, records, (System.nanoTime() - t) / 1e9);

        List<List<byte[]>> bodies = new ArrayList<>();
        for (int d = 0; d < deviceCount; d++) {
            bodies.add(new ArrayList<>());
        }
        int perBatch = OfflineIngestBench.BATCH;
        long[] serials = new long[deviceCount];
        for (int from = 0, b = 0; from < records; from += perBatch, b++) {
            int d = b % deviceCount;
            StringBuilder json = new StringBuilder("{\"records\":[");
            for (int i = from; i < Math.min(records, from + perBatch); i++) {
                long generated = first + i / riders.size();
                json.append(i == from ? "" : ",").append("{\"serial\":").append(++serials[d]).append(",\"code\":\"")
                        .append(Base64.getEncoder().encodeToString(codes[i])).append("\",\"scannedAt\":\"")
                        .append(Instant.ofEpochSecond(generated + 3)).append("\",\"routeNo\":\"1\",\"fareFen\":200,\"verdict\":\"OK\"}");
            }
            bodies.get(d).add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }

        double installed = BenchSystem.bareVerifyRate(riders, 2, 5);
        double bare = BenchSystem.bareVerifyRate(riders, 2, 5, true);
        out("bare SM2 verify, 2 threads: %,.0f verifies/s (SmCrypto as installed), %,.0f (BC optimised curve)", installed, bare);
        OfflineIngestBench.drainWait(system, ids, 60);

        // ---------------------------------------------------------------- upload, then watch the pipeline
        String in = OfflineIngestBench.inList(system, ids);
        long start = System.nanoTime();
        List<Thread> uploaders = new ArrayList<>();
        int[] wrong = new int[1];
        for (int d = 0; d < deviceCount; d++) {
            BenchSystem.Device device = devices.get(d);
            List<byte[]> mine = bodies.get(d);
            Thread uploader = new Thread(() -> {
                HttpClient client = system.client(null);
                for (byte[] body : mine) {
                    try {
                        HttpResponse<String> answer = client.send(device.post("/api/validator/v1/trips", body),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200 || answer.body().contains("\"INVALID\"") || answer.body().contains("CONFLICT")) {
                            synchronized (wrong) {
                                if (wrong[0]++ == 0) {
                                    out("WRONG ANSWER: HTTP %d %s", answer.statusCode(), answer.body().substring(0, Math.min(500, answer.body().length())));
                                }
                            }
                        }
                    } catch (Exception e) {
                        synchronized (wrong) {
                            wrong[0]++;
                        }
                        out("upload failed: %s", e);
                    }
                }
            });
            uploader.start();
            uploaders.add(uploader);
        }
        long uploaded = -1;
        long firstDecided = -1;
        long lastDecided = -1;
        long total = -1;
        try (Connection db = system.database(); Statement q = db.createStatement()) {
            while (true) {
                if (uploaded < 0 && uploaders.stream().noneMatch(Thread::isAlive)) {
                    uploaded = System.nanoTime();
                }
                long now = System.nanoTime();
                long pending;
                long all;
                try (ResultSet rs = q.executeQuery("SELECT COUNT(*), COALESCE(SUM(state = 'PENDING'), 0) FROM trip_record"
                        + " WHERE validator_id IN (" + in + ")")) {
                    rs.next();
                    all = rs.getLong(1);
                    pending = rs.getLong(2);
                }
                if (firstDecided < 0 && all > pending) {
                    firstDecided = now;
                }
                if (uploaded >= 0 && all >= records && pending == 0) {
                    lastDecided = now;
                    total = all;
                    break;
                }
                if ((now - start) > 600_000_000_000L) {
                    out("gave up after 600 s: %,d rows, %,d pending", all, pending);
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        Map<String, Long> states = new TreeMap<>();
        try (Connection db = system.database(); Statement q = db.createStatement();
             ResultSet rs = q.executeQuery("SELECT state, COALESCE(reason, '-'), COUNT(*) FROM trip_record WHERE validator_id IN ("
                     + in + ") GROUP BY state, reason")) {
            while (rs.next()) {
                states.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
            }
        }
        out("");
        double uploadSeconds = (uploaded - start) / 1e9;
        double waitSeconds = (firstDecided - start) / 1e9;
        double pipeline = (lastDecided - firstDecided) / 1e9;
        double rate = records / pipeline;
        out("RESULT upload of %,d records: %.2f s; first decision %.2f s after the first upload was sent (the timer's wait)",
                records, uploadSeconds, waitSeconds);
        out("RESULT re-verification: %,d records decided in %.2f s from the first decision to the last = %,.0f records/s;"
                        + " end to end (first upload sent → all decided) %.2f s = %,.0f records/s; states %s", total, pipeline, rate,
                (lastDecided - start) / 1e9, records / ((lastDecided - start) / 1e9), states);
        out("RESULT bare SM2 verify, 2 threads: %,.0f verifies/s with SmCrypto as installed, %,.0f with BC's optimised curve",
                installed, bare);
        double ratio = rate / Math.max(bare, installed);
        out("RESULT ratio reverification_rate / bare_verify_rate = %.3f against the faster bare rate, %.3f against SmCrypto as"
                        + " installed   (goal >= 0.8: %s); end to end %.3f", ratio, rate / installed,
                ratio >= 0.8 ? "met" : "NOT met", records / ((lastDecided - start) / 1e9) / Math.max(bare, installed));
        OfflineIngestBench.cleanUp(system, operator, ids);
        out("load average at the end: %s", BenchSystem.loadAverage());
        System.exit(wrong[0] == 0 && states.getOrDefault("ACCEPTED/OK", 0L) == records ? 0 : 1);
    }
}
