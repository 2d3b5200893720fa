package cn.gov.shanwei.xinyixing.trip.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class PersonReferenceTest {

    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    /** HMAC-SM3 as the credit platform would compute it, straight from Bouncy Castle. */
    private static String independent(byte[] key, String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Test
    void isLowercaseHexOfHmacSm3OverTheNormalisedIdNumber() {
        PersonReference references = new PersonReference(KEY);
        String ref = references.of("44150219850312002x");
        assertEquals(independent(KEY, "44150219850312002X"), ref);
        assertEquals(64, ref.length());
        assertEquals(ref, ref.toLowerCase());
        assertEquals(ref, references.of(" 44150219850312002X\n"), "stripped and x/X the same");
    }

    @Test
    void matchesTheCheckValuePublishedForThePlatform() {
        // The README's check value, computed with Bouncy Castle's HMac(SM3Digest) outside this code
        assertEquals("7260542615b687dc9b3d5e11d7822270e4230765fbde2398dbbd2b7fd7e4d0e1",
                new PersonReference(KEY).of("441502198503120020"));
        assertEquals(independent(KEY, "441502198503120020"), new PersonReference(KEY).of("441502198503120020"));
    }

    @Test
    void dependsOnTheKeyAndThePerson() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertNotEquals(new PersonReference(KEY).of("441502198503120020"), new PersonReference(other).of("441502198503120020"));
        assertNotEquals(new PersonReference(KEY).of("441502198503120020"), new PersonReference(KEY).of("441502198503120039"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PersonReference(new byte[15]));
    }
}
