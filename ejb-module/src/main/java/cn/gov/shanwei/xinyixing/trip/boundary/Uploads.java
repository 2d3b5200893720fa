package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeReason;
import cn.gov.shanwei.xinyixing.trip.control.TripContent;
import cn.gov.shanwei.xinyixing.trip.entity.FlagKind;
import cn.gov.shanwei.xinyixing.trip.entity.RouteFare;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Offline upload (R7): a validator that rode without a network sends what it stored. (device, serial) is
 * the key forever, kept by the database's unique index: a record sent again is acknowledged and not stored
 * again, whether the first copy came an hour ago or from a concurrent request; the same key with other
 * content is refused and flagged. Records stand alone: a malformed one is answered INVALID and the good
 * ones of the same batch are stored. Stored records wait, PENDING, for the server's own verification
 * ({@link Reverification}); nothing is charged or subsidised before that. The answer is given after the
 * transaction commits, so acknowledged means committed and the device may delete the deletable serials.
 *
 * <p>Written with one multi-row {@code INSERT IGNORE} and one locking read per batch, because a bus back
 * after a week offline sends thousands of records and the city's 1,300 buses come back together.
 */
@Stateless
@PermitAll
public class Uploads {

    /** The most records one request may carry. */
    public static final int MAX_RECORDS = 500;
    /** A record dated further ahead of the server than this is refused: a device clock is broken. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_CODE_BYTES = 1024;

    public enum Status { STORED, DUPLICATE, CONFLICT, INVALID }

    /** What became of one record; {@code code} names why an INVALID record was refused. */
    public record Result(long serial, Status status, String code, String message, Long tripId) {
    }

    public record Outcome(List<Result> results, List<Long> deletable) {
    }

    /** A record that passed the checks, ready to write. */
    private record Row(long serial, byte[] code, byte[] codeDigest, byte[] content, Instant scannedAt, long routeId,
                       RideCodeReason verdict) {
    }

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    @EJB
    TripFlags flags;

    @Inject
    Clock clock;

    public Outcome upload(AuthenticatedDevice device, List<UploadRecord> records) {
        Instant now = clock.instant();
        Map<Long, Result> results = new LinkedHashMap<>();
        Map<Long, Row> rows = new HashMap<>();
        try (Connection db = dataSource.getConnection()) {
            Map<String, Long> routes = routesOf(db, device.companyId());
            for (UploadRecord record : records) {
                Object checked = check(record, routes, now);
                if (checked instanceof Result invalid) {
                    results.putIfAbsent(invalid.serial(), invalid);
                } else {
                    Row row = (Row) checked;
                    Row earlier = rows.putIfAbsent(row.serial(), row);
                    results.put(row.serial(), null);
                    if (earlier != null && !Arrays.equals(earlier.content(), row.content())) {
                        rows.remove(row.serial());
                        results.put(row.serial(), new Result(row.serial(), Status.INVALID, "SERIAL_TWICE_IN_BATCH",
                                "同一批次内交易序号重复且内容不同 / The batch holds the serial twice with different content", null));
                    }
                }
            }
            long uploadId = newUpload(db, device, now, records.size());
            List<Row> ordered = rows.values().stream().sorted(Comparator.comparingLong(Row::serial)).toList();
            if (!ordered.isEmpty()) {
                insert(db, device, uploadId, now, ordered);
                settle(db, device, uploadId, ordered, results);
            }
            count(db, uploadId, results.values());
        } catch (SQLException e) {
            throw new IllegalStateException("offline upload of " + device.deviceId() + " could not be written", e);
        }
        List<Result> answered = List.copyOf(results.values());
        List<Long> deletable = answered.stream().filter(r -> r.status() != Status.INVALID).map(Result::serial).toList();
        return new Outcome(answered, deletable);
    }

    /** A Row, or the INVALID Result saying what is wrong with the record. */
    private static Object check(UploadRecord record, Map<String, Long> routes, Instant now) {
        long serial = record.serial() == null ? -1 : record.serial();
        if (serial < 0) {
            return invalid(serial, "SERIAL_INVALID", "交易序号缺失或为负 / The serial is missing or negative");
        }
        byte[] code;
        try {
            code = record.code() == null ? new byte[0] : Base64.getDecoder().decode(record.code());
        } catch (IllegalArgumentException e) {
            code = new byte[0];
        }
        if (code.length == 0 || code.length > MAX_CODE_BYTES) {
            return invalid(serial, "CODE_INVALID", "乘车码缺失或不是 Base64 / The code is missing or not Base64");
        }
        Instant scannedAt;
        try {
            scannedAt = Instant.parse(record.scannedAt() == null ? "" : record.scannedAt());
        } catch (DateTimeParseException e) {
            return invalid(serial, "TIME_INVALID", "扫码时间应为 ISO-8601 时刻 / The scan time must be an ISO-8601 instant");
        }
        if (scannedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return invalid(serial, "TIME_IN_FUTURE", "扫码时间晚于当前时间，请校时 / The scan time is in the future; check the clock");
        }
        Long routeId = record.routeNo() == null ? null : routes.get(record.routeNo());
        if (routeId == null) {
            return invalid(serial, "ROUTE_UNKNOWN", "线路不属于本企业 / The route is not one of the company's");
        }
        if (record.fareFen() == null || record.fareFen() < 0 || record.fareFen() > RouteFare.MAX_FARE_FEN) {
            return invalid(serial, "FARE_INVALID", "票价应为 0–10000 分 / The fare must be 0 to 10000 fen");
        }
        RideCodeReason verdict;
        try {
            verdict = RideCodeReason.valueOf(record.verdict() == null ? "" : record.verdict());
        } catch (IllegalArgumentException e) {
            return invalid(serial, "VERDICT_INVALID", "验票结论不是已知的原因码 / The verdict is not a known reason code");
        }
        byte[] content = TripContent.offline(serial, code, scannedAt, record.routeNo(), record.fareFen(), verdict.name());
        return new Row(serial, code, SmCrypto.sm3(code), content, scannedAt, routeId, verdict);
    }

    private static Result invalid(long serial, String code, String message) {
        return new Result(serial, Status.INVALID, code, message, null);
    }

    private static Map<String, Long> routesOf(Connection db, long companyId) throws SQLException {
        Map<String, Long> routes = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT route_no, id FROM bus_route WHERE company_id = ?")) {
            query.setLong(1, companyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    routes.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return routes;
    }

    private static long newUpload(Connection db, AuthenticatedDevice device, Instant now, int records) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO trip_upload (validator_id, received_at, records) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, device.validatorId());
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setInt(3, records);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    /** One statement for the batch; rows whose key exists are skipped by the database, not by us. */
    private static void insert(Connection db, AuthenticatedDevice device, long uploadId, Instant now, List<Row> rows)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO trip_record (validator_id, device_serial, company_id,"
                + " route_id, source, state, device_verdict, ridden_at, received_at, code, code_digest, content_digest,"
                + " upload_id, original_fen, discount_fen, charged_fen) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,'OFFLINE','PENDING',?,?,?,?,?,?,?,0,0,0)");
        }
        try (PreparedStatement insert = db.prepareStatement(sql.toString())) {
            int p = 1;
            Timestamp received = Timestamp.from(now);
            for (Row row : rows) {
                insert.setLong(p++, device.validatorId());
                insert.setLong(p++, row.serial());
                insert.setLong(p++, device.companyId());
                insert.setLong(p++, row.routeId());
                insert.setString(p++, row.verdict().name());
                insert.setTimestamp(p++, Timestamp.from(row.scannedAt()));
                insert.setTimestamp(p++, received);
                insert.setBytes(p++, row.code());
                insert.setBytes(p++, row.codeDigest());
                insert.setBytes(p++, row.content());
                insert.setLong(p++, uploadId);
            }
            insert.executeUpdate();
        }
    }

    /**
     * Reads the keys back with a locking read (the latest committed rows, whatever this transaction saw
     * before): a row with our upload id was stored now; another with the same content was stored earlier
     * or concurrently; another with different content is a conflicting reuse, flagged with its evidence.
     */
    private void settle(Connection db, AuthenticatedDevice device, long uploadId, List<Row> rows, Map<Long, Result> results)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT device_serial, id, upload_id, content_digest, source, code_digest"
                + " FROM trip_record"
                + " WHERE validator_id = ? AND device_serial IN (");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(") LOCK IN SHARE MODE");
        Map<Long, Object[]> stored = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement(sql.toString())) {
            query.setLong(1, device.validatorId());
            for (int i = 0; i < rows.size(); i++) {
                query.setLong(i + 2, rows.get(i).serial());
            }
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    long upload = found.getLong(3);
                    boolean noUpload = found.wasNull();
                    stored.put(found.getLong(1), new Object[] {found.getLong(2), noUpload ? null : upload,
                            found.getBytes(4), found.getString(5), found.getBytes(6)});
                }
            }
        }
        for (Row row : rows) {
            Object[] existing = stored.get(row.serial());
            long tripId = (Long) existing[0];
            Status status;
            if (Long.valueOf(uploadId).equals(existing[1])) {
                status = Status.STORED;
            } else if (Arrays.equals((byte[]) existing[2], row.content())
                    // scanned online, the answer lost, and the record uploaded later: the same tap
                    || ("ONLINE".equals(existing[3]) && Arrays.equals((byte[]) existing[4], row.codeDigest()))) {
                status = Status.DUPLICATE;
            } else {
                status = Status.CONFLICT;
                flags.raise(FlagKind.CONFLICTING_REUSE, tripId, null, device.validatorId(), device.companyId(),
                        "{\"serial\":" + row.serial() + ",\"storedContent\":\"" + HexFormat.of().formatHex((byte[]) existing[2])
                                + "\",\"sentContent\":\"" + HexFormat.of().formatHex(row.content())
                                + "\",\"sentScannedAt\":\"" + row.scannedAt() + "\",\"sentVerdict\":\"" + row.verdict() + "\"}");
            }
            results.put(row.serial(), new Result(row.serial(), status,
                    status == Status.CONFLICT ? "SERIAL_REUSED" : null,
                    status == Status.CONFLICT ? "交易序号已用于另一笔记录，已标记 / The serial was used for a different record; flagged" : null,
                    tripId));
        }
    }

    private static void count(Connection db, long uploadId, java.util.Collection<Result> results) throws SQLException {
        Map<Status, Integer> counts = new HashMap<>();
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE trip_upload SET stored = ?, duplicates = ?, conflicts = ?, invalid = ? WHERE id = ?")) {
            update.setInt(1, counts.getOrDefault(Status.STORED, 0));
            update.setInt(2, counts.getOrDefault(Status.DUPLICATE, 0));
            update.setInt(3, counts.getOrDefault(Status.CONFLICT, 0));
            update.setInt(4, counts.getOrDefault(Status.INVALID, 0));
            update.setLong(5, uploadId);
            update.executeUpdate();
        }
    }
}
