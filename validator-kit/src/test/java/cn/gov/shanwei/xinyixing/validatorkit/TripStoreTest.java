package cn.gov.shanwei.xinyixing.validatorkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TripStoreTest {

    private static final String DEVICE = "BUS-0001";

    @TempDir
    Path dir;

    private final TestChain.MovableClock clock = new TestChain.MovableClock(TestChain.NOW);

    private TripStore open() throws IOException {
        return TripStore.open(dir, DEVICE, clock, Duration.ofMinutes(10), 1);
    }

    private Path file() {
        return dir.resolve(TripStore.NAME);
    }

    private static byte[] code(int i) {
        byte[] code = new byte[340];
        Arrays.fill(code, (byte) i);
        return code;
    }

    private static TripRecord append(TripStore store, int i) throws IOException {
        return store.append(code(i), TestChain.NOW.plusSeconds(i), "5", 200, "OK");
    }

    @Test
    void recordsAndSerialsSurviveAReopen() throws IOException {
        try (TripStore store = open()) {
            assertEquals(1, append(store, 1).serial());
            assertEquals(2, append(store, 2).serial());
        }
        try (TripStore store = open()) {
            List<TripRecord> pending = store.pending(10);
            assertEquals(List.of(1L, 2L), pending.stream().map(TripRecord::serial).toList());
            TripRecord first = pending.get(0);
            assertArrayEquals(code(1), first.code());
            assertEquals(TestChain.NOW.plusSeconds(1), first.scannedAt());
            assertEquals("5", first.routeNo());
            assertEquals(200, first.fareFen());
            assertEquals("OK", first.verdict());
            assertEquals(3, append(store, 3).serial());
        }
    }

    @Test
    void aTornTailIsDroppedAndTheCompleteRecordsKept() throws IOException {
        try (TripStore store = open()) {
            append(store, 1);
            append(store, 2);
        }
        long complete = Files.size(file());
        // what a crash in the middle of the third append leaves: the start of a frame, cut short
        TripRecord third = new TripRecord(3, code(3), TestChain.NOW, "5", 200, "OK");
        byte[] frame = TripStore.frame(TripStore.SCAN, TripStore.scan(third));
        Files.write(file(), Arrays.copyOf(frame, frame.length / 2), StandardOpenOption.APPEND);

        try (TripStore store = open()) {
            assertEquals(frame.length / 2, store.recovery().droppedTailBytes());
            assertEquals(List.of(1L, 2L), store.pending(10).stream().map(TripRecord::serial).toList());
            assertEquals(complete, Files.size(file()), "the torn bytes are cut off on open");
            assertEquals(3, append(store, 3).serial(), "the torn serial was never answered, so it is reused");
        }
        try (TripStore store = open()) {
            assertEquals(0, store.recovery().droppedTailBytes());
            assertEquals(3, store.pendingCount());
        }
    }

    @Test
    void aCompleteLengthWithABadChecksumOrTrailingZerosIsATornTailToo() throws IOException {
        try (TripStore store = open()) {
            append(store, 1);
        }
        TripRecord second = new TripRecord(2, code(2), TestChain.NOW, "5", 200, "OK");
        byte[] frame = TripStore.frame(TripStore.SCAN, TripStore.scan(second));
        frame[frame.length - 10] ^= 0x40; // the last page did not reach the disk
        Files.write(file(), frame, StandardOpenOption.APPEND);
        Files.write(file(), new byte[4096], StandardOpenOption.APPEND);
        try (TripStore store = open()) {
            assertEquals(frame.length + 4096, store.recovery().droppedTailBytes());
            assertEquals(1, store.pendingCount());
            assertEquals(2, store.nextSerial());
        }
    }

    @Test
    void damageBeforeCompleteRecordsIsNotTakenForATornTail() throws IOException {
        try (TripStore store = open()) {
            append(store, 1);
            append(store, 2);
            append(store, 3);
        }
        byte[] bytes = Files.readAllBytes(file());
        byte[] original = bytes.clone();
        int header = TripStore.frame(TripStore.HEADER, TripStore.header(DEVICE, 1)).length;
        bytes[header + 40] ^= 1; // inside the first scan
        Files.write(file(), bytes);
        assertThrows(TripStoreCorruptedException.class, this::open);
        assertArrayEquals(bytes, Files.readAllBytes(file()), "the damaged file is left for the operator");

        // a flipped length that would swallow the rest of the file is damage as well
        bytes = original.clone();
        bytes[header + 1] = 0x7f;
        Files.write(file(), bytes);
        assertThrows(TripStoreCorruptedException.class, this::open);
    }

    @Test
    void acknowledgedRecordsLeaveTheQueueAndCompactionKeepsTheSerialHighWaterMark() throws IOException {
        try (TripStore store = open()) {
            for (int i = 1; i <= 5; i++) {
                append(store, i);
            }
            store.acknowledge(List.of(1L, 2L, 4L, 99L));
            assertEquals(List.of(3L, 5L), store.pending(10).stream().map(TripRecord::serial).toList());
        }
        try (TripStore store = open()) {
            assertEquals(List.of(3L, 5L), store.pending(10).stream().map(TripRecord::serial).toList(),
                    "acknowledgements are durable");
            store.acknowledge(List.of(3L, 5L));
            clock.advance(Duration.ofMinutes(11));
            long before = store.fileSize();
            assertEquals(5, store.compact());
            assertTrue(store.fileSize() < before);
            assertEquals(0, store.pendingCount());
        }
        try (TripStore store = open()) {
            assertEquals(6, store.nextSerial(), "every record gone, the numbering goes on");
            assertEquals(6, append(store, 6).serial());
        }
    }

    @Test
    void compactionKeepsRecentAcknowledgedScansForTheReplayGuard() throws IOException {
        try (TripStore store = open()) {
            append(store, 1);
            store.acknowledge(List.of(1L));
            assertEquals(0, store.compact());
        }
        try (TripStore store = open()) {
            assertEquals(0, store.pendingCount());
            assertEquals(1, store.acknowledgedCount());
            assertEquals(1, store.scannedSince(TestChain.NOW).size());
        }
    }

    @Test
    void concurrentAppendsGetDistinctConsecutiveSerials() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TripStore store = open()) {
            List<Future<TripRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                futures.add(pool.submit(() -> append(store, n % 100)));
            }
            List<Long> serials = new ArrayList<>();
            for (Future<TripRecord> f : futures) {
                serials.add(f.get().serial());
            }
            serials.sort(null);
            for (int i = 0; i < serials.size(); i++) {
                assertEquals(i + 1L, serials.get(i));
            }
        } finally {
            pool.shutdown();
        }
        try (TripStore store = open()) {
            assertEquals(200, store.pendingCount());
            assertEquals(201, store.nextSerial());
        }
    }

    @Test
    void aStoreBelongsToOneDeviceAndANewOneStartsAtTheGivenSerial() throws IOException {
        try (TripStore store = TripStore.open(dir, DEVICE, clock, Duration.ZERO, 1000)) {
            assertEquals(1000, append(store, 1).serial());
        }
        assertThrows(IOException.class, () -> TripStore.open(dir, "BUS-0002", clock, Duration.ZERO, 1));
    }
}
