package cn.gov.shanwei.xinyixing.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Key versions and the binding of each cipher to its table and person. */
class IdNumberKeyVersionsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CIPHER_1 = HEX.parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] INDEX_1 = HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final byte[] CIPHER_2 = HEX.parseHex("ffeeddccbbaa99887766554433221100");
    private static final byte[] INDEX_2 = HEX.parseHex("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");

    private final AtomicInteger current = new AtomicInteger(1);
    private final IdNumberProtection keys = new IdNumberProtection(Map.of(1, CIPHER_1, 2, CIPHER_2),
            Map.of(1, INDEX_1, 2, INDEX_2), current::get);

    @Test
    void writesUseTheVersionInForceAndReadsTheRowsOwn() {
        ProtectedIdNumber old = keys.protect("441502198503120020", "redlist_entry");
        current.set(2);
        ProtectedIdNumber fresh = keys.protect("441502198503120020", "redlist_entry");

        assertEquals(1, old.keyVersion());
        assertEquals(2, fresh.keyVersion());
        assertFalse(Arrays.equals(old.index(), fresh.index()), "each version has its own index key");
        assertEquals("441502198503120020", keys.reveal("redlist_entry", old));
        assertEquals("441502198503120020", keys.reveal("redlist_entry", fresh));
    }

    @Test
    void lookupsOfferEveryConfiguredIndexCurrentFirst() {
        current.set(2);
        List<byte[]> indexes = keys.indexes("441502198503120020");

        assertEquals(2, indexes.size());
        assertArrayEquals(keys.index("441502198503120020", 2), indexes.get(0));
        assertArrayEquals(keys.index("441502198503120020", 1), indexes.get(1));
        assertEquals("?, ?", keys.indexPlaceholders());
        assertEquals(1, new IdNumberProtection(CIPHER_1, INDEX_1).indexes("441502198503120020").size());
    }

    @Test
    void aCipherMovedToAnotherPersonsRowDoesNotDecrypt() {
        ProtectedIdNumber chen = keys.protect("441502198503120020", "redlist_entry");
        ProtectedIdNumber lin = keys.protect("441501199007071010", "redlist_entry");
        ProtectedIdNumber swapped = new ProtectedIdNumber(lin.index(), chen.cipher(), lin.masked(), lin.keyVersion());

        IdNumberCipherMismatch refused = assertThrows(IdNumberCipherMismatch.class, () -> keys.reveal("redlist_entry", swapped));
        assertTrue(refused.getMessage().contains("redlist_entry"));
        assertFalse(refused.getMessage().contains(HEX.formatHex(lin.index())), "the message never carries the index");
    }

    @Test
    void aCipherMovedToAnotherTableOrVersionDoesNotDecrypt() {
        ProtectedIdNumber entry = keys.protect("441502198503120020", "redlist_entry");

        assertThrows(IdNumberCipherMismatch.class, () -> keys.reveal("citizen_account", entry));
        ProtectedIdNumber relabelled = new ProtectedIdNumber(entry.index(), entry.cipher(), entry.masked(), 2);
        assertThrows(IdNumberCipherMismatch.class, () -> keys.reveal("redlist_entry", relabelled));
    }

    @Test
    void rowsFromBeforeVersionsAreReadWithKeyOneAndNoAssociatedData() {
        byte[] legacy = SmCrypto.sm4Encrypt(CIPHER_1, "441502198503120020".getBytes(StandardCharsets.US_ASCII));
        ProtectedIdNumber row = new ProtectedIdNumber(keys.index("441502198503120020", 1), legacy, "4415**********0020", null);

        assertEquals("441502198503120020", keys.reveal("redlist_entry", row));
    }

    @Test
    void aVersionInForceWithoutKeysIsAnErrorNotASilentFallback() {
        current.set(3);
        assertThrows(IllegalStateException.class, () -> keys.protect("441502198503120020", "redlist_entry"));
    }

    @Test
    void toStringShowsNeitherIndexNorCipher() {
        ProtectedIdNumber stored = keys.protect("441502198503120020", "redlist_entry");
        String text = stored.toString() + stored.indexed();

        assertTrue(text.contains("4415**********0020"));
        assertFalse(text.contains(HEX.formatHex(stored.index())));
        assertFalse(text.contains(HEX.formatHex(stored.cipher())));
        assertFalse(text.contains("441502198503120020"));
    }

    @Test
    void versionsNeedBothKeys() {
        assertThrows(IllegalArgumentException.class,
                () -> new IdNumberProtection(Map.of(1, CIPHER_1, 2, CIPHER_2), Map.of(1, INDEX_1), () -> 1));
    }
}
