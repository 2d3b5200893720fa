package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void evictsTheLeastRecentlyUsed() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(1, cache.get("a")); // a is now more recent than b
        cache.put("c", 3);
        assertEquals(2, cache.size());
        assertNull(cache.get("b"));
        assertEquals(1, cache.get("a"));
        assertEquals(3, cache.get("c"));
    }

    @Test
    void neverExceedsItsCapacity() {
        BoundedCache<Integer, Integer> cache = new BoundedCache<>(10);
        for (int i = 0; i < 1000; i++) {
            cache.put(i, i);
        }
        assertEquals(10, cache.size());
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<>(0));
    }

    @Test
    void byteKeysCompareByContent() {
        BoundedCache<ByteKey, String> cache = new BoundedCache<>(4);
        cache.put(new ByteKey(new byte[] {1, 2, 3}), "x");
        assertEquals("x", cache.get(new ByteKey(new byte[] {1, 2, 3})));
        assertNull(cache.get(new ByteKey(new byte[] {1, 2, 4})));
        assertNotEquals(new ByteKey(new byte[] {1, 2}), new ByteKey(new byte[] {1, 2, 0}));
    }
}
