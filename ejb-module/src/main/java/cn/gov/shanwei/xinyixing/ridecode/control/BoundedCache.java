package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A least-recently-used map with a hard size limit, safe for concurrent use.
 *
 * <p>Bounded because its keys come from scanned codes: an attacker who can make codes could otherwise grow
 * it without end. A single lock is enough: a hit costs well under a microsecond, against the tens of
 * microseconds of the SM2 verification every code still needs.
 */
final class BoundedCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache size must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized int size() {
        return entries.size();
    }

    int capacity() {
        return capacity;
    }
}
