package cn.gov.shanwei.xinyixing.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdNumberProtectionTest {

    private static final byte[] CIPHER_KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] INDEX_KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    private final IdNumberProtection protection = new IdNumberProtection(CIPHER_KEY, INDEX_KEY);

    @Test
    void protectedFormsHideTheNumberButFindAndRevealIt() {
        ProtectedIdNumber stored = protection.protect("441502198503120020", "redlist_entry");

        assertEquals("4415**********0020", stored.masked());
        assertEquals(32, stored.index().length);
        assertFalse(new String(stored.cipher(), StandardCharsets.ISO_8859_1).contains("441502198503120020"));
        assertArrayEquals(stored.index(), protection.index("441502198503120020"));
        assertEquals("441502198503120020", protection.reveal("redlist_entry", stored));
        assertEquals(1, stored.keyVersion());
    }

    @Test
    void lowerCaseCheckCharacterIsTheSamePerson() {
        assertArrayEquals(protection.index("44150219900101123X"), protection.index(" 44150219900101123x "));
    }

    @Test
    void encryptingTwiceGivesDifferentCiphertextButTheSameIndex() {
        ProtectedIdNumber first = protection.protect("441502198503120020", "redlist_entry");
        ProtectedIdNumber second = protection.protect("441502198503120020", "redlist_entry");
        assertFalse(Arrays.equals(first.cipher(), second.cipher()), "a fresh nonce each time");
        assertArrayEquals(first.index(), second.index());
    }

    @Test
    void indexDependsOnTheKeySoTheTableAloneCannotBeEnumerated() {
        byte[] otherKey = INDEX_KEY.clone();
        otherKey[0] ^= 1;
        IdNumberProtection other = new IdNumberProtection(CIPHER_KEY, otherKey);
        assertFalse(Arrays.equals(protection.index("441502198503120020"), other.index("441502198503120020")));
    }

    @Test
    void wrongKeySizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdNumberProtection(new byte[15], INDEX_KEY));
        assertThrows(IllegalArgumentException.class, () -> new IdNumberProtection(CIPHER_KEY, new byte[8]));
    }
}
