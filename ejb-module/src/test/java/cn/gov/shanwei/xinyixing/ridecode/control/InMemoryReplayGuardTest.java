package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {

    @Test
    void answersFirstUseOncePerAccountAndTime() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard();
        assertTrue(guard.firstUse("A", 100));
        assertFalse(guard.firstUse("A", 100));
        assertTrue(guard.firstUse("A", 101));
        assertTrue(guard.firstUse("B", 100));
    }

    @Test
    void forgetsTheOldestWhenFull() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(3);
        for (int t = 1; t <= 5; t++) {
            assertTrue(guard.firstUse("A", t));
        }
        assertEquals(3, guard.size());
        assertFalse(guard.firstUse("A", 5)); // still remembered
        assertTrue(guard.firstUse("A", 1)); // forgotten: the capacity must cover a validity window
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryReplayGuard(0));
    }
}
