package cn.gov.shanwei.xinyixing.validatorkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlacklistCacheTest {

    private static BlacklistCache.Entry entry(long version, String account, Long upTo) {
        return new BlacklistCache.Entry(version, account, upTo, "ARREARS");
    }

    @Test
    void aCutOffRevokesEverySerialUpToItAndNoneAbove() {
        BlacklistCache cache = new BlacklistCache();
        cache.merge(3, List.of(entry(3, "A", 5L)));
        assertTrue(cache.isRevoked("A", 0));
        assertTrue(cache.isRevoked("A", 5));
        assertFalse(cache.isRevoked("A", 6), "the next credential, issued after repayment, works");
        assertFalse(cache.isRevoked("B", 1));
        assertEquals(3, cache.version());
    }

    @Test
    void noCutOffRevokesEverySerialNowAndLater() {
        BlacklistCache cache = new BlacklistCache();
        cache.merge(1, List.of(entry(1, "A", null)));
        assertTrue(cache.isRevoked("A", Long.MAX_VALUE));
    }

    @Test
    void mergingKeepsTheStrongerCutOffInAnyOrder() {
        List<BlacklistCache.Entry> entries = List.of(entry(1, "A", 4L), entry(2, "A", 9L), entry(3, "A", 6L),
                entry(4, "B", null), entry(5, "B", 2L));
        BlacklistCache forward = new BlacklistCache();
        forward.merge(5, entries);
        BlacklistCache backward = new BlacklistCache();
        for (int i = entries.size() - 1; i >= 0; i--) {
            backward.merge(entries.get(i).version(), List.of(entries.get(i)));
        }
        for (BlacklistCache cache : List.of(forward, backward)) {
            assertTrue(cache.isRevoked("A", 9));
            assertFalse(cache.isRevoked("A", 10));
            assertTrue(cache.isRevoked("B", 1_000_000), "an all-serials entry is never weakened");
            assertEquals(5, cache.version());
        }
        assertEquals(forward.cutoffs().keySet(), backward.cutoffs().keySet());
        assertEquals(9L, forward.cutoff("A").upToSerial());
    }

    @Test
    void aDeltaAppliedTwiceOrAnOlderOneChangesNothing() {
        BlacklistCache cache = new BlacklistCache();
        cache.merge(7, List.of(entry(6, "A", 8L), entry(7, "C", 1L)));
        Map<String, BlacklistCache.Cutoff> before = cache.cutoffs();
        cache.merge(7, List.of(entry(6, "A", 8L), entry(7, "C", 1L)));
        cache.merge(2, List.of(entry(2, "A", 3L)));
        assertEquals(before, cache.cutoffs());
        assertEquals(7, cache.version(), "the version never goes back");
    }

    @Test
    void replaceStartsAfresh() {
        BlacklistCache cache = new BlacklistCache();
        cache.merge(9, List.of(entry(9, "A", null)));
        cache.replace(4, List.of(entry(4, "B", 1L)));
        assertFalse(cache.isRevoked("A", 1));
        assertTrue(cache.isRevoked("B", 1));
        assertEquals(4, cache.version());
    }

    @Test
    void persistedStateSurvivesARestart(@TempDir Path dir) throws IOException {
        BlacklistCache cache = new BlacklistCache();
        cache.merge(12, List.of(entry(11, "A", 5L), entry(12, "B", null)));
        StateFile file = new StateFile(dir);
        file.write(new DeviceInfo("BUS-0001", "C01", "5", 200), Map.of(1, "02ab"), cache, TestChain.NOW);
        StateFile.State read = new StateFile(dir).read();
        assertEquals(12, read.blacklist().version());
        assertTrue(read.blacklist().isRevoked("A", 5));
        assertFalse(read.blacklist().isRevoked("A", 6));
        assertTrue(read.blacklist().isRevoked("B", 99));
        assertEquals(new DeviceInfo("BUS-0001", "C01", "5", 200), read.device());
        assertEquals(Map.of(1, "02ab"), read.caKeys());
        assertEquals(TestChain.NOW, read.syncedAt());
    }
}
