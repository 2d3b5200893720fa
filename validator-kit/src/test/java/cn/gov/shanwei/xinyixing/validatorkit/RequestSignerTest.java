package cn.gov.shanwei.xinyixing.validatorkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The README's worked example. */
    static final byte[] SECRET = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final String BODY = "{\"serial\":1,\"code\":\"gQ==\"}";

    private final RequestSigner signer = new RequestSigner("BUS-0001", SECRET);

    /** SM3 straight from the digest, for the hash of the body. */
    private static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC (RFC 2104) written out with SM3, block 64 bytes: independent of Bouncy Castle's HMac and of SmCrypto. */
    static byte[] hmacSm3ByHand(byte[] key, byte[] message) {
        byte[] block = new byte[64];
        System.arraycopy(key.length > 64 ? sm3(key) : key, 0, block, 0, Math.min(key.length, 64));
        byte[] inner = new byte[64 + message.length];
        byte[] outer = new byte[64 + 32];
        for (int i = 0; i < 64; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        System.arraycopy(message, 0, inner, 64, message.length);
        System.arraycopy(sm3(inner), 0, outer, 64, 32);
        return sm3(outer);
    }

    @Test
    void sm3OfAbcIsTheStandardsExample() {
        // GB/T 32905-2016, example 1
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HEX.formatHex(sm3("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void canonicalStringIsSixLinesWithoutTrailingNewline() {
        String canonical = RequestSigner.canonical("POST", "/api/validator/v1/scan", "", 1764115200,
                "n0nce-0123456789ab", BODY.getBytes(StandardCharsets.UTF_8));
        assertEquals("POST\n/api/validator/v1/scan\n\n1764115200\nn0nce-0123456789ab\n"
                + HEX.formatHex(sm3(BODY.getBytes(StandardCharsets.UTF_8))), canonical);
        assertEquals(6, canonical.split("\n", -1).length);
    }

    @Test
    void getSignsTheRawQueryAndTheHashOfNoBytes() {
        String canonical = RequestSigner.canonical("GET", "/api/validator/v1/sync", "blacklistSince=42", 1764115200,
                "n0nce-0123456789ab", null);
        assertEquals("GET\n/api/validator/v1/sync\nblacklistSince=42\n1764115200\nn0nce-0123456789ab\n"
                // SM3 of the empty string
                + "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", canonical);
    }

    @Test
    void signatureIsHmacSm3OfTheCanonicalString() {
        RequestSigner.SignedHeaders headers = signer.sign("POST", "/api/validator/v1/scan", null, 1764115200,
                "n0nce-0123456789ab", BODY.getBytes(StandardCharsets.UTF_8));
        String canonical = "POST\n/api/validator/v1/scan\n\n1764115200\nn0nce-0123456789ab\n"
                + HEX.formatHex(sm3(BODY.getBytes(StandardCharsets.UTF_8)));
        assertEquals(HEX.formatHex(hmacSm3ByHand(SECRET, canonical.getBytes(StandardCharsets.UTF_8))),
                headers.signature());
        assertEquals("BUS-0001", headers.deviceId());
        assertEquals(1764115200, headers.timestamp());
    }

    /**
     * The worked example of the vendor guide (README), also computed outside Java (Python's hmac with OpenSSL's
     * SM3); a vendor's own implementation must give the same.
     */
    @Test
    void publishedTestVector() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertEquals("506c1324916ac57803f5b32d4994fbe304d6e3b604f754f062b5e8f298c7dffe", HEX.formatHex(sm3(body)));
        assertEquals(VECTOR_SIGNATURE, signer.sign("POST", "/api/validator/v1/scan", "", 1764115200,
                "n0nce-0123456789ab", body).signature());
    }

    static final String VECTOR_SIGNATURE = "5d3ce0591a27f15edafe2c483e23a807a9bdb06166c26512f562bbd2d952d845";

    @Test
    void anyChangeChangesTheSignature() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String base = signer.sign("POST", "/api/validator/v1/scan", "", 1764115200, "n0nce-0123456789ab", body)
                .signature();
        assertNotEquals(base, signer.sign("POST", "/api/validator/v1/trips", "", 1764115200, "n0nce-0123456789ab",
                body).signature());
        assertNotEquals(base, signer.sign("POST", "/api/validator/v1/scan", "", 1764115201, "n0nce-0123456789ab",
                body).signature());
        assertNotEquals(base, signer.sign("POST", "/api/validator/v1/scan", "", 1764115200, "n0nce-0123456789ac",
                body).signature());
        assertNotEquals(base, signer.sign("POST", "/api/validator/v1/scan", "", 1764115200, "n0nce-0123456789ab",
                "{\"serial\":2,\"code\":\"gQ==\"}".getBytes(StandardCharsets.UTF_8)).signature());
    }

    @Test
    void noncesAreFreshAndWellFormed() {
        String a = RequestSigner.newNonce();
        assertTrue(a.matches("[A-Za-z0-9_-]{16,64}"), a);
        assertNotEquals(a, RequestSigner.newNonce());
    }

    @Test
    void refusesBadDeviceIdsSecretsAndNonces() {
        assertThrows(IllegalArgumentException.class, () -> new RequestSigner("bus 1", SECRET));
        assertThrows(IllegalArgumentException.class, () -> new RequestSigner("BUS-1", new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> RequestSigner.parseSecret("abcd"));
        assertEquals(32, RequestSigner.parseSecret(HEX.formatHex(SECRET).toUpperCase()).length);
        assertThrows(IllegalArgumentException.class,
                () -> signer.sign("GET", "/p", "", 1, "short", null));
    }
}
