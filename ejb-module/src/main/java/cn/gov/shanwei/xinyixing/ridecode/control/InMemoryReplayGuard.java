package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A replay guard held in memory, bounded so a busy validator cannot run out of it: when full, the code
 * remembered longest ago is forgotten.
 *
 * <p>Forgetting is safe as long as a forgotten code has already expired, so size the capacity above the
 * number of codes a validator can accept within one validity window plus twice the skew (a bus validator
 * taking one scan a second with a 60 s window needs a few hundred; the default of 100 000 is generous).
 * The memory is lost on restart, which is why short code validity matters. Thread-safe.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    public static final int DEFAULT_CAPACITY = 100_000;

    private record Use(String paymentAccount, long generationTime) {
    }

    private final int capacity;
    private final Map<Use, Boolean> seen;

    public InMemoryReplayGuard() {
        this(DEFAULT_CAPACITY);
    }

    public InMemoryReplayGuard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        // Insertion order: the eldest entry is the code accepted longest ago.
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Use, Boolean> eldest) {
                return size() > InMemoryReplayGuard.this.capacity;
            }
        };
    }

    @Override
    public synchronized boolean firstUse(String paymentAccount, long generationTime) {
        return seen.putIfAbsent(new Use(paymentAccount, generationTime), Boolean.TRUE) == null;
    }

    public synchronized int size() {
        return seen.size();
    }

    public int capacity() {
        return capacity;
    }
}
