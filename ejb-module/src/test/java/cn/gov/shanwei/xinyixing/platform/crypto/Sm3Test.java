package cn.gov.shanwei.xinyixing.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class Sm3Test {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // GB/T 32905-2016 Appendix A examples.

    @Test
    void sm3OfAbcMatchesStandardExample() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HEX.formatHex(SmCrypto.sm3(ascii("abc"))));
    }

    @Test
    void sm3OfSixtyFourByteMessageMatchesStandardExample() {
        byte[] message = ascii("abcd".repeat(16));
        assertEquals(64, message.length);
        assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
                HEX.formatHex(SmCrypto.sm3(message)));
    }

    @Test
    void sm3OfEmptyInput() {
        assertEquals("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
                HEX.formatHex(SmCrypto.sm3(new byte[0])));
    }

    // HMAC-SM3 known answers from GM/T 0042-2015 Appendix D.3 (as carried in the Linux kernel's
    // crypto/testmgr.h hmac_sm3_tv_template and intel-ipsec-mb test/kat-app/hmac_sm3.json.c).

    @Test
    void hmacSm3MatchesGmt0042Case1() {
        byte[] key = HEX.parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        byte[] data = ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".repeat(2));
        assertEquals("ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a",
                HEX.formatHex(SmCrypto.hmacSm3(key, data)));
    }

    @Test
    void hmacSm3MatchesGmt0042Case2LongerKey() {
        byte[] key = HEX.parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425");
        byte[] data = new byte[50];
        Arrays.fill(data, (byte) 0xcd);
        assertEquals("220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae",
                HEX.formatHex(SmCrypto.hmacSm3(key, data)));
    }

    @Test
    void hmacSm3MatchesGmt0042Case3() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 0x0b);
        assertEquals("c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e",
                HEX.formatHex(SmCrypto.hmacSm3(key, ascii("Hi There"))));
    }

    @Test
    void hmacSm3MatchesGmt0042Case4ShortKey() {
        assertEquals("2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882",
                HEX.formatHex(SmCrypto.hmacSm3(ascii("Jefe"), ascii("what do ya want for nothing?"))));
    }

    @Test
    void hmacSm3IsDeterministicKeySensitiveAndNotPlainSm3() {
        byte[] key = ascii("ride-code-key-01");
        byte[] otherKey = ascii("ride-code-key-02");
        byte[] data = ascii("payload");

        byte[] mac = SmCrypto.hmacSm3(key, data);
        assertEquals(32, mac.length);
        assertArrayEquals(mac, SmCrypto.hmacSm3(key, data));
        assertFalse(Arrays.equals(mac, SmCrypto.hmacSm3(otherKey, data)));
        assertFalse(Arrays.equals(mac, SmCrypto.hmacSm3(key, ascii("payloaD"))));
        assertFalse(Arrays.equals(mac, SmCrypto.sm3(data)));
    }

    @Test
    void hmacSm3RejectsEmptyKey() {
        CryptoException e = assertThrows(CryptoException.class, () -> SmCrypto.hmacSm3(new byte[0], ascii("x")));
        assertEquals("HMAC-SM3 key must not be empty", e.getMessage());
    }
}
