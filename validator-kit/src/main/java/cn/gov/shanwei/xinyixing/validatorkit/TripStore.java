package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The validator's crash-safe journal of scans ({@code trips.log} in the data folder): every scan is appended and
 * forced to the medium before the validator answers, and stays until the server has acknowledged it.
 *
 * <h2>File format</h2>
 * A sequence of frames, integers big-endian:
 * <pre>
 * type u8 · payload length u32 · payload · CRC-32C u32 (over type, length and payload)
 * type 1 HEADER  format u8 (=1) · device id (u16 length + UTF-8) · next serial i64      — always the first frame
 * type 2 SCAN    serial i64 · scanned at (Unix ms) i64 · fare fen i32 · route (u16 + UTF-8)
 *                · verdict (u16 + UTF-8) · code (u16 length + bytes)
 * type 3 ACK     count u32 · serials i64…  — the server committed these; they may go
 * </pre>
 *
 * <h2>Crashes</h2>
 * Frames are only ever appended, so a crash can damage only the last one. On open, a bad frame (cut short,
 * failing its checksum, or the zeros of a file extended but not yet written) with no complete frame anywhere
 * after it is a torn tail: it is cut off, and it cannot be a scan anyone was told about, because the validator
 * answers only after the force. A bad frame followed by a good one is damage, not a crash; the store then
 * refuses to open ({@link TripStoreCorruptedException}) instead of dropping complete records.
 *
 * <h2>Serials</h2>
 * Monotonic per device and never reused: the next serial is the larger of the header's and one above the
 * highest serial in the file, so it survives restarts and compaction (which writes the high-water mark into the
 * new header). A record becomes visible to {@link #pending} only once it is durable, so the uploader never sends
 * a serial a crash could hand out again.
 *
 * <h2>Compaction</h2>
 * {@link #compact} rewrites the file with the records not yet acknowledged, plus acknowledged ones younger than
 * the retention (default 10 minutes, so a restarted validator can still refuse a replay of a code it accepted
 * just before), into a new file that replaces the old one atomically.
 *
 * <p>Concurrent {@link #append}s share one force (group commit). Thread-safe.
 */
public final class TripStore implements Closeable {

    static final String NAME = "trips.log";
    static final int HEADER = 1;
    static final int SCAN = 2;
    static final int ACK = 3;
    private static final int FORMAT = 1;
    private static final int FRAME_OVERHEAD = 1 + 4 + 4;
    /** Far above any real frame (a ride code is ~350 bytes, an ACK of 500 serials 4 kB); a larger length is garbage. */
    private static final int MAX_PAYLOAD = 1 << 20;
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);

    private static final class Entry {
        final TripRecord record;
        boolean acknowledged;

        Entry(TripRecord record) {
            this.record = record;
        }
    }

    /** What opening found. */
    public record Recovery(int records, int acknowledged, long droppedTailBytes) {
    }

    private final Path file;
    private final String deviceId;
    private final Clock clock;
    private final Duration retention;
    private final Object syncLock = new Object();
    private final NavigableMap<Long, Entry> entries = new TreeMap<>();
    private final Recovery recovery;

    private FileChannel channel;
    private long nextSerial;
    private long writtenEnd;
    private long lastWrittenSerial = -1;
    private volatile long durableSerial = -1;
    private long forcedEnd;
    private int acknowledgedCount;
    private boolean closed;

    private TripStore(Path file, String deviceId, Clock clock, Duration retention, long firstSerial) throws IOException {
        this.file = file;
        this.deviceId = deviceId;
        this.clock = clock;
        this.retention = retention;
        if (!Files.exists(file)) {
            Durable.replace(file, frame(HEADER, header(deviceId, firstSerial)));
        }
        this.recovery = load(firstSerial);
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (channel.size() != writtenEnd) {
            channel.truncate(writtenEnd);
            channel.force(true);
        }
        forcedEnd = writtenEnd;
        lastWrittenSerial = nextSerial - 1;
        durableSerial = lastWrittenSerial;
    }

    /**
     * Opens the store of {@code deviceId} in {@code directory}, creating it if needed, recovering from a crash.
     *
     * @param firstSerial the serial of the first scan of a new store (a replacement unit continues its
     *                    predecessor's numbering); ignored for an existing store
     * @throws TripStoreCorruptedException if a damaged record is followed by complete ones
     * @throws IOException                 also if the store belongs to another device
     */
    public static TripStore open(Path directory, String deviceId, Clock clock, Duration retention, long firstSerial)
            throws IOException {
        Files.createDirectories(directory);
        return new TripStore(directory.resolve(NAME), RequestSigner.requireDeviceId(deviceId),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(retention, "retention"), firstSerial);
    }

    public static TripStore open(Path directory, String deviceId) throws IOException {
        return open(directory, deviceId, Clock.systemUTC(), DEFAULT_RETENTION, 1);
    }

    // ---------------------------------------------------------------- reading the file

    private Recovery load(long firstSerial) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long headerNext = -1;
        long maxSerial = -1;
        int position = 0;
        while (position < bytes.length) {
            int frameEnd = validFrameEnd(bytes, position);
            if (frameEnd < 0) {
                if (isTornTail(bytes, position)) {
                    break;
                }
                throw new TripStoreCorruptedException(file + ": damaged record at byte " + position + " of "
                        + bytes.length + " with complete records after it");
            }
            int type = bytes[position] & 0xFF;
            in.position(position + 5);
            if (position == 0 && type != HEADER) {
                throw new TripStoreCorruptedException(file + ": does not start with a header");
            }
            switch (type) {
                case HEADER -> {
                    if (in.get() != FORMAT) {
                        throw new IOException(file + ": unknown trip store format");
                    }
                    String owner = string(in);
                    if (!owner.equals(deviceId)) {
                        throw new IOException(file + " belongs to device " + owner + ", not " + deviceId);
                    }
                    headerNext = in.getLong();
                }
                case SCAN -> {
                    long serial = in.getLong();
                    Instant scannedAt = Instant.ofEpochMilli(in.getLong());
                    int fare = in.getInt();
                    String route = string(in);
                    String verdict = string(in);
                    byte[] code = new byte[in.getShort() & 0xFFFF];
                    in.get(code);
                    entries.put(serial, new Entry(new TripRecord(serial, code, scannedAt, route, fare, verdict)));
                    maxSerial = Math.max(maxSerial, serial);
                }
                case ACK -> {
                    int count = in.getInt();
                    for (int i = 0; i < count; i++) {
                        Entry entry = entries.get(in.getLong());
                        if (entry != null && !entry.acknowledged) {
                            entry.acknowledged = true;
                            acknowledgedCount++;
                        }
                    }
                }
                default -> throw new TripStoreCorruptedException(file + ": unknown record type " + type);
            }
            position = frameEnd;
        }
        if (headerNext < 0) {
            throw new TripStoreCorruptedException(file + ": no header");
        }
        writtenEnd = position;
        nextSerial = Math.max(Math.max(headerNext, maxSerial + 1), 0);
        return new Recovery(entries.size(), acknowledgedCount, bytes.length - position);
    }

    /** The end of the frame at {@code position} if it is complete and its checksum holds, else -1. */
    private static int validFrameEnd(byte[] bytes, int position) {
        if (bytes.length - position < FRAME_OVERHEAD) {
            return -1;
        }
        int type = bytes[position] & 0xFF;
        long length = ByteBuffer.wrap(bytes, position + 1, 4).getInt() & 0xFFFF_FFFFL;
        if (type < HEADER || type > ACK || length > MAX_PAYLOAD || position + FRAME_OVERHEAD + length > bytes.length) {
            return -1;
        }
        int crcAt = position + 5 + (int) length;
        CRC32C crc = new CRC32C();
        crc.update(bytes, position, 5 + (int) length);
        int stored = ByteBuffer.wrap(bytes, crcAt, 4).getInt();
        return (int) crc.getValue() == stored ? crcAt + 4 : -1;
    }

    /**
     * Whether the bad frame at {@code position} is what a crash leaves: nothing after it is a complete frame (it
     * is cut short, complete in length but not in content, or followed by the zeros of a file extended but not
     * yet written). Any complete frame behind it, even one that a flipped length would hide, makes it damage.
     */
    private static boolean isTornTail(byte[] bytes, int position) {
        for (int i = position + 1; i <= bytes.length - FRAME_OVERHEAD; i++) {
            if (validFrameEnd(bytes, i) > 0 && (bytes[i] & 0xFF) != HEADER) {
                return false;
            }
        }
        return true;
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getShort() & 0xFFFF];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- writing

    static byte[] frame(int type, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length);
        out.put((byte) type).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, 5 + payload.length);
        out.putInt((int) crc.getValue());
        return out.array();
    }

    static byte[] header(String deviceId, long nextSerial) {
        return payload(out -> {
            out.writeByte(FORMAT);
            writeString(out, deviceId);
            out.writeLong(nextSerial);
        });
    }

    static byte[] scan(TripRecord r) {
        return payload(out -> {
            out.writeLong(r.serial());
            out.writeLong(r.scannedAt().toEpochMilli());
            out.writeInt(r.fareFen());
            writeString(out, r.routeNo());
            writeString(out, r.verdict());
            out.writeShort(r.code().length);
            out.write(r.code());
        });
    }

    static byte[] ack(Collection<Long> serials) {
        return payload(out -> {
            out.writeInt(serials.size());
            for (long serial : serials) {
                out.writeLong(serial);
            }
        });
    }

    private interface PayloadWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] payload(PayloadWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("text field too long");
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    /** Writes a frame at the end; on failure cuts the file back so no partial frame sits before later ones. */
    private void writeFrame(byte[] frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        long start = writtenEnd;
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, start + buffer.position());
            }
        } catch (IOException e) {
            try {
                channel.truncate(start);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
                closed = true;
            }
            throw e;
        }
        writtenEnd = start + frame.length;
    }

    /** Forces everything written so far; one force covers every append that wrote before it (group commit). */
    private void force() throws IOException {
        synchronized (syncLock) {
            long target;
            long serial;
            synchronized (this) {
                ensureOpen();
                target = writtenEnd;
                serial = lastWrittenSerial;
            }
            if (forcedEnd >= target) {
                return;
            }
            channel.force(false);
            forcedEnd = target;
            durableSerial = Math.max(durableSerial, serial);
        }
    }

    /**
     * Appends one scan under the next serial and returns once it is on the medium.
     *
     * @param verdict the validator's verdict, a {@code RideCodeReason} name
     */
    public TripRecord append(byte[] code, Instant scannedAt, String routeNo, int fareFen, String verdict)
            throws IOException {
        TripRecord record;
        synchronized (this) {
            ensureOpen();
            if (code.length > 0xFFFF) {
                throw new IllegalArgumentException("code too long: " + code.length + " bytes");
            }
            record = new TripRecord(nextSerial, code.clone(), scannedAt, routeNo, fareFen, verdict);
            writeFrame(frame(SCAN, scan(record)));
            nextSerial++;
            lastWrittenSerial = record.serial();
            entries.put(record.serial(), new Entry(record));
        }
        force();
        return record;
    }

    /**
     * Marks serials the server committed (its {@code deletable} list); they leave the upload queue at once and
     * the file at the next {@link #compact}. Unknown serials are ignored.
     */
    public void acknowledge(Collection<Long> serials) throws IOException {
        List<Long> fresh = new ArrayList<>();
        synchronized (this) {
            ensureOpen();
            for (Long serial : serials) {
                Entry entry = entries.get(serial);
                if (entry != null && !entry.acknowledged && serial <= durableSerial) {
                    fresh.add(serial);
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            writeFrame(frame(ACK, ack(fresh)));
            for (Long serial : fresh) {
                entries.get(serial).acknowledged = true;
            }
            acknowledgedCount += fresh.size();
        }
        force();
    }

    /** Up to {@code max} durable records the server has not acknowledged, oldest serial first. */
    public synchronized List<TripRecord> pending(int max) {
        List<TripRecord> out = new ArrayList<>(Math.min(max, 512));
        long durable = durableSerial;
        for (Entry entry : entries.values()) {
            if (out.size() >= max || entry.record.serial() > durable) {
                break;
            }
            if (!entry.acknowledged) {
                out.add(entry.record);
            }
        }
        return out;
    }

    public synchronized int pendingCount() {
        return entries.size() - acknowledgedCount;
    }

    /** Acknowledged records still in the file (kept for the retention, or until the next compaction). */
    public synchronized int acknowledgedCount() {
        return acknowledgedCount;
    }

    /** Records scanned at or after {@code since}, acknowledged or not (to seed the replay guard after a restart). */
    public synchronized List<TripRecord> scannedSince(Instant since) {
        return entries.values().stream().map(e -> e.record).filter(r -> !r.scannedAt().isBefore(since)).toList();
    }

    public synchronized long nextSerial() {
        return nextSerial;
    }

    public synchronized long fileSize() {
        return writtenEnd;
    }

    public Recovery recovery() {
        return recovery;
    }

    /**
     * Rewrites the file without the acknowledged records older than the retention, atomically.
     *
     * @return how many records were dropped
     */
    public int compact() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                ensureOpen();
                Instant keepFrom = clock.instant().minus(retention);
                channel.force(false);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(frame(HEADER, header(deviceId, nextSerial)));
                List<Long> keptAcknowledged = new ArrayList<>();
                int dropped = 0;
                for (var it = entries.entrySet().iterator(); it.hasNext(); ) {
                    Entry entry = it.next().getValue();
                    if (entry.acknowledged && entry.record.scannedAt().isBefore(keepFrom)) {
                        it.remove();
                        dropped++;
                        continue;
                    }
                    out.writeBytes(frame(SCAN, scan(entry.record)));
                    if (entry.acknowledged) {
                        keptAcknowledged.add(entry.record.serial());
                    }
                }
                if (!keptAcknowledged.isEmpty()) {
                    out.writeBytes(frame(ACK, ack(keptAcknowledged)));
                }
                byte[] content = out.toByteArray();
                channel.close();
                Durable.replace(file, content);
                channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                acknowledgedCount = keptAcknowledged.size();
                writtenEnd = content.length;
                forcedEnd = writtenEnd;
                durableSerial = lastWrittenSerial;
                return dropped;
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("trip store is closed");
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                if (!closed) {
                    closed = true;
                    channel.force(false);
                    channel.close();
                }
            }
        }
    }

    /** For diagnostics: serial → acknowledged, in serial order. */
    synchronized Map<Long, Boolean> states() {
        Map<Long, Boolean> out = new TreeMap<>();
        entries.forEach((serial, entry) -> out.put(serial, entry.acknowledged));
        return out;
    }
}
