package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.redlist.control.BatchJson;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.BatchSignature;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a million red-list entries through the real intake path — signed batches of 20,000 pushed to
 * {@code POST /api/credit/v1/redlist/batches} of the running system, which checks the signature, validates
 * every entry, encrypts (SM4) and indexes (HMAC-SM3) every ID number and upserts with batched JDBC — and
 * then, as a baseline, writes the same number of rows into the same table with plain batched JDBC.
 *
 * <p>Clock: the intake time covers the HTTP pushes only (request sent → 200 received, for all batches in
 * sequence). Building the entries, signing (SM2 over the canonical form) and rendering the JSON happen
 * before the clock starts; their time is printed separately. The raw time covers prepare, bind,
 * executeBatch and commit; the row values (random index and cipher bytes, masked ID) are generated before.
 *
 * <p>System properties: {@code bench.root} (project root, for {@code .data/}), {@code bench.entries}
 * (1000000), {@code bench.batchSize} (20000), {@code bench.maxSeconds} (600: stop pushing after this and
 * report the rate seen so far), {@code bench.keepImported} (false: the imported rows are deleted before
 * the baseline), {@code bench.url} (https://localhost:8181), {@code bench.dbUrl}
 * (jdbc:mariadb://127.0.0.1:13306/xinyixing).
 */
public final class RedListImportBench {

    static final String SOURCE = "汕信用〔2026〕BENCH";
    static final String RAW_SOURCE = "汕信用〔2026〕BENCH-RAW";
    static final String CATEGORY = "BLOOD_DONOR";
    static final String NAME = "张三";
    static final int BLOOD_ML = 4400;
    static final LocalDate RECOGNISED_ON = LocalDate.of(2025, 6, 1);
    static final LocalDate VALID_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate VALID_TO = LocalDate.of(2027, 12, 31);
    static final Instant ISSUED_AT = Instant.parse("2026-11-26T08:00:00Z");

    /** Exactly the statement the server's EntryWriter runs for an ADD, so only the path differs. */
    static final String UPSERT = """
            INSERT INTO redlist_entry (id_number_index, id_number_cipher, id_number_masked, name_masked,
                category_code, valid_from, valid_to, source_document, batch_id, level, blood_ml, donation_yuan,
                volunteer_stars, taxpayer_grade, recognised_on, residency, revoked_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
            ON DUPLICATE KEY UPDATE id_number_cipher = VALUES(id_number_cipher),
                id_number_masked = VALUES(id_number_masked), name_masked = VALUES(name_masked),
                valid_from = VALUES(valid_from), valid_to = VALUES(valid_to),
                source_document = VALUES(source_document), batch_id = VALUES(batch_id), level = VALUES(level),
                blood_ml = VALUES(blood_ml), donation_yuan = VALUES(donation_yuan),
                volunteer_stars = VALUES(volunteer_stars), taxpayer_grade = VALUES(taxpayer_grade),
                recognised_on = VALUES(recognised_on), residency = VALUES(residency), revoked_at = NULL,
                updated_at = VALUES(updated_at)""";

    static final int ROWS_PER_EXECUTE = 2_000;
    static final int ROWS_PER_COMMIT = 20_000;

    private final Path root;
    private final String baseUrl;
    private final String apiKey;
    private final Properties secrets;
    /** HTTPS trusting the run's own certificate, as the other benchmarks do (plain HTTP only redirects). */
    private final HttpClient http;

    private RedListImportBench(Path root, String baseUrl) throws IOException {
        this.root = root;
        this.baseUrl = baseUrl;
        try {
            this.http = new BenchSystem().http;
        } catch (Exception e) {
            throw new IOException("cannot set up HTTPS to the running system", e);
        }
        this.secrets = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve(".data/secrets.properties"), StandardCharsets.ISO_8859_1)) {
            secrets.load(in);
        }
        this.apiKey = secrets.getProperty("credit-platform-api-key");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        int total = Integer.getInteger("bench.entries", 1_000_000);
        int batchSize = Integer.getInteger("bench.batchSize", 20_000);
        long maxSeconds = Long.getLong("bench.maxSeconds", 600);
        boolean keepImported = Boolean.getBoolean("bench.keepImported");
        String baseUrl = System.getProperty("bench.url", "https://localhost:8181");
        new RedListImportBench(root, baseUrl).run(total, batchSize, maxSeconds, keepImported);
    }

    private void run(int total, int batchSize, long maxSeconds, boolean keepImported) throws Exception {
        out("Red-list import benchmark: %,d entries in batches of %,d against %s", total, batchSize, baseUrl);
        out("machine: %d processors, JVM max heap %,d MB", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        long lastSequence = status().getJsonNumber("lastSequenceNo").longValue();
        out("intake status before: lastSequenceNo=%d, entryCount=%d", lastSequence,
                status().getJsonNumber("entryCount").longValue());

        try (Connection admin = adminConnection()) {
            long maxIdBefore = maxId(admin);
            long already = count(admin, "source_document = ?", SOURCE);
            if (already > 0) {
                out("note: %,d rows with source_document %s are already in redlist_entry (an earlier run kept them);"
                        + " this import will update them rather than insert", already, SOURCE);
            }

            // ------------------------------------------------------------ build and sign (not timed)
            Sm2PrivateKey key = SmCrypto.decodePrivateKey(
                    HexFormat.of().parseHex(secrets.getProperty("credit-platform-private-key").trim()));
            IdNumbers importIds = new IdNumbers(LocalDate.of(1950, 1, 1));
            List<byte[]> bodies = new ArrayList<>();
            List<String> batchIds = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            String run = UUID.randomUUID().toString().substring(0, 8);
            long buildStart = System.nanoTime();
            long bodyBytes = 0;
            for (int from = 0, b = 0; from < total; from += batchSize, b++) {
                int to = Math.min(total, from + batchSize);
                List<EntryMessage> entries = new ArrayList<>(to - from);
                for (int n = from; n < to; n++) {
                    entries.add(new EntryMessage(Operation.ADD, importIds.number(n), NAME, CATEGORY,
                            new CategoryDetails(null, BLOOD_ML, null, null, null), RECOGNISED_ON, VALID_FROM, VALID_TO,
                            SOURCE, Residency.HOUSEHOLD));
                }
                long sequenceNo = lastSequence + 1 + b;
                String batchId = "BENCH-" + run + "-" + sequenceNo;
                BatchMessage batch = BatchSignature.signed(
                        new BatchMessage(batchId, sequenceNo, ISSUED_AT, entries, null), key);
                byte[] body = json(batch).getBytes(StandardCharsets.UTF_8);
                bodyBytes += body.length;
                bodies.add(body);
                batchIds.add(batchId);
                sizes.add(entries.size());
            }
            double buildSeconds = seconds(System.nanoTime() - buildStart);
            out("built and signed %d batches (%,d bytes of JSON, IDs %s … %s) in %.1f s — not part of the intake time",
                    bodies.size(), bodyBytes, importIds.number(0), importIds.number(total - 1), buildSeconds);

            // ------------------------------------------------------------ intake (timed)
            int imported = 0;
            int pushed = 0;
            long slowest = 0;
            long fastest = Long.MAX_VALUE;
            String failure = null;
            long start = System.nanoTime();
            for (int b = 0; b < bodies.size(); b++) {
                long t = System.nanoTime();
                HttpResponse<String> response = push(bodies.get(b));
                long took = System.nanoTime() - t;
                if (response.statusCode() != 200) {
                    failure = "batch #" + (lastSequence + 1 + b) + " (" + batchIds.get(b) + "): HTTP "
                            + response.statusCode() + " " + abbreviate(response.body(), 4000);
                    out("SERVER ERROR %s", failure);
                    break;
                }
                JsonObject result = Json.createReader(new StringReader(response.body())).readObject();
                if (!"APPLIED".equals(result.getString("outcome", null))) {
                    failure = "batch #" + (lastSequence + 1 + b) + ": unexpected answer " + response.body();
                    out("UNEXPECTED %s", failure);
                    break;
                }
                bodies.set(b, null);
                pushed++;
                imported += sizes.get(b);
                slowest = Math.max(slowest, took);
                fastest = Math.min(fastest, took);
                double elapsed = seconds(System.nanoTime() - start);
                if (pushed % 5 == 0 || b == bodies.size() - 1) {
                    out("  %3d batches, %,9d entries, %7.1f s, %,8.0f entries/s (last batch %.2f s)",
                            pushed, imported, elapsed, imported / elapsed, seconds(took));
                }
                if (elapsed > maxSeconds && b < bodies.size() - 1) {
                    out("stopping after %.0f s (bench.maxSeconds=%d): %,d of %,d entries imported", elapsed,
                            maxSeconds, imported, total);
                    break;
                }
            }
            double intakeSeconds = seconds(System.nanoTime() - start);
            bodies.clear();
            if (pushed > 0) {
                out("intake: %d batches, per batch %.2f s fastest, %.2f s slowest", pushed, seconds(fastest),
                        seconds(slowest));
            }
            long landed = count(admin, "id > ? AND source_document = ?", maxIdBefore, SOURCE);
            out("intake status after: lastSequenceNo=%d; rows written by this run: %,d",
                    status().getJsonNumber("lastSequenceNo").longValue(), landed);
            if (imported == 0) {
                out("nothing was imported; no baseline.");
                return;
            }
            String lastBatchId = batchIds.get(pushed - 1);

            if (!keepImported) {
                long t = System.nanoTime();
                long deleted = deleteRows(admin, maxIdBefore, SOURCE);
                out("deleted the %,d imported rows (DELETE FROM redlist_entry WHERE source_document='%s', in"
                        + " primary-key ranges) in %.1f s; the redlist_batch rows stay", deleted, SOURCE,
                        seconds(System.nanoTime() - t));
                waitForPurge(admin);
            } else {
                out("keeping the imported rows (bench.keepImported=true): the baseline writes into the fuller table");
            }

            // ------------------------------------------------------------ raw baseline
            int rows = imported;
            IdNumbers rawIds = new IdNumbers(LocalDate.of(1960, 1, 1));
            SplittableRandom random = new SplittableRandom(42);
            byte[][] index = new byte[rows][32];
            byte[][] cipher = new byte[rows][46];
            String[] masked = new String[rows];
            for (int n = 0; n < rows; n++) {
                random.nextBytes(index[n]);
                random.nextBytes(cipher[n]);
                masked[n] = Masking.idNumber(rawIds.number(n));
            }
            String nameMasked = Masking.name(NAME);
            long maxIdBeforeRaw = maxId(admin);
            out("raw baseline: %,d rows as user %s over TCP, batch_id %s, source_document %s",
                    rows, secrets.getProperty("db-user", "xinyixing"), lastBatchId, RAW_SOURCE);
            double rawSeconds;
            try (Connection db = appConnection()) {
                db.setAutoCommit(false);
                long rawStart = System.nanoTime();
                try (PreparedStatement upsert = db.prepareStatement(UPSERT)) {
                    Timestamp at = Timestamp.from(Instant.now());
                    Date validFrom = Date.valueOf(VALID_FROM);
                    Date validTo = Date.valueOf(VALID_TO);
                    Date recognisedOn = Date.valueOf(RECOGNISED_ON);
                    for (int n = 0; n < rows; n++) {
                        upsert.setBytes(1, index[n]);
                        upsert.setBytes(2, cipher[n]);
                        upsert.setString(3, masked[n]);
                        upsert.setString(4, nameMasked);
                        upsert.setString(5, CATEGORY);
                        upsert.setDate(6, validFrom);
                        upsert.setDate(7, validTo);
                        upsert.setString(8, RAW_SOURCE);
                        upsert.setString(9, lastBatchId);
                        upsert.setString(10, null);
                        upsert.setInt(11, BLOOD_ML);
                        upsert.setBigDecimal(12, null);
                        upsert.setNull(13, Types.INTEGER);
                        upsert.setString(14, null);
                        upsert.setDate(15, recognisedOn);
                        upsert.setString(16, Residency.HOUSEHOLD.name());
                        upsert.setTimestamp(17, at);
                        upsert.addBatch();
                        if ((n + 1) % ROWS_PER_EXECUTE == 0) {
                            upsert.executeBatch();
                        }
                        if ((n + 1) % ROWS_PER_COMMIT == 0) {
                            db.commit();
                        }
                        if ((n + 1) % 200_000 == 0) {
                            double elapsed = seconds(System.nanoTime() - rawStart);
                            out("  %,9d rows, %6.1f s, %,9.0f rows/s", n + 1, elapsed, (n + 1) / elapsed);
                        }
                    }
                    upsert.executeBatch();
                    db.commit();
                }
                rawSeconds = seconds(System.nanoTime() - rawStart);
            }
            long rawLanded = count(admin, "id > ? AND source_document = ?", maxIdBeforeRaw, RAW_SOURCE);
            long t = System.nanoTime();
            long rawDeleted = deleteRows(admin, maxIdBeforeRaw, RAW_SOURCE);
            out("raw rows written %,d, deleted %,d in %.1f s", rawLanded, rawDeleted, seconds(System.nanoTime() - t));

            // ------------------------------------------------------------ result
            out("");
            out("RESULT intake (REST, signed batches of %,d): %,d entries in %.1f s = %,.0f entries/s%s",
                    batchSize, imported, intakeSeconds, imported / intakeSeconds,
                    imported < total ? "  (stopped early, see above)" : "");
            out("RESULT raw JDBC baseline:                 %,d rows    in %.1f s = %,.0f rows/s", rows, rawSeconds,
                    rows / rawSeconds);
            out("RESULT ratio intake_time / raw_time = %.2f", intakeSeconds / rawSeconds);
            out("RESULT batch building and signing (before the clock): %.1f s", buildSeconds);
            out("imported rows: %s", keepImported ? "kept in redlist_entry" : "deleted");
            if (failure != null) {
                out("RESULT server error: %s", failure);
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private JsonObject status() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/credit/v1/redlist/status"))
                .header("X-Api-Key", apiKey).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status: HTTP " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private HttpResponse<String> push(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/credit/v1/redlist/batches"))
                .header("Content-Type", "application/json; charset=UTF-8").header("X-Api-Key", apiKey)
                .timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON form of a batch, as the platform sends it. */
    static String json(BatchMessage batch) {
        return BatchJson.write(batch);
    }

    // ---------------------------------------------------------------- database

    /** root over the Unix socket: counting, deleting and watching InnoDB purge. */
    private Connection adminConnection() throws SQLException {
        Path socket = root.resolve(".data/mariadb/mariadb.sock");
        return DriverManager.getConnection("jdbc:mariadb://localhost/xinyixing?localSocket=" + socket, "root", null);
    }

    /** The application's own user over TCP, as the server's connection pool connects. */
    private Connection appConnection() throws SQLException {
        String url = System.getProperty("bench.dbUrl", "jdbc:mariadb://127.0.0.1:13306/xinyixing");
        return DriverManager.getConnection(url, secrets.getProperty("db-user", "xinyixing"),
                secrets.getProperty("db-password"));
    }

    private static long maxId(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM redlist_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection db, String where, Object... parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT COUNT(*) FROM redlist_entry WHERE " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * {@code DELETE FROM redlist_entry WHERE source_document = ?}, done in primary-key ranges of 20,000 above
     * the id the run started from (one short transaction each, instead of one of a million rows), then once
     * more over the whole table for anything outside the range.
     */
    private static long deleteRows(Connection db, long idAbove, String sourceDocument) throws SQLException {
        db.setAutoCommit(true);
        long top;
        try (PreparedStatement s = db.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM redlist_entry WHERE id > ?")) {
            s.setLong(1, idAbove);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                top = rs.getLong(1);
            }
        }
        long deleted = 0;
        try (PreparedStatement delete = db.prepareStatement(
                "DELETE FROM redlist_entry WHERE id > ? AND id <= ? AND source_document = ?")) {
            for (long from = idAbove; from < top; from += 20_000) {
                delete.setLong(1, from);
                delete.setLong(2, Math.min(top, from + 20_000));
                delete.setString(3, sourceDocument);
                deleted += delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM redlist_entry WHERE source_document = ?")) {
            delete.setString(1, sourceDocument);
            deleted += delete.executeUpdate();
        }
        return deleted;
    }

    /** Lets InnoDB purge the deleted rows before the next timed phase, so it does not compete for the cores. */
    private static void waitForPurge(Connection db) throws SQLException, InterruptedException {
        Pattern history = Pattern.compile("History list length (\\d+)");
        long start = System.nanoTime();
        long length = -1;
        while (seconds(System.nanoTime() - start) < 600) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SHOW ENGINE INNODB STATUS")) {
                if (!rs.next()) {
                    return;
                }
                Matcher m = history.matcher(rs.getString("Status"));
                if (!m.find()) {
                    return;
                }
                length = Long.parseLong(m.group(1));
            }
            if (length < 50) {
                break;
            }
            Thread.sleep(2_000);
        }
        out("InnoDB purge: history list length %d after %.0f s of waiting", length, seconds(System.nanoTime() - start));
    }

    // ---------------------------------------------------------------- output

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + " … (" + text.length() + " chars)";
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
