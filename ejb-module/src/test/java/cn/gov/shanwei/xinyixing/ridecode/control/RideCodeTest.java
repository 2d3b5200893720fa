package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;

class RideCodeTest {

    private final RideCodeFixture fixture = new RideCodeFixture();

    private static int expectedLength(int n) {
        return 1 + 2 + (117 + 16 + 10 + 4 + 4 + 1 + 3 + 33 + 4 + 2 + 1 + n + 1 + 64) + 4 + 1 + 64;
    }

    @Test
    void lengthFollowsTheLayoutForAnyCardDataLength() {
        assertEquals(expectedLength(21), fixture.code().length);
        assertEquals(353, fixture.code().length);
        Authorisation bare = fixture.authorisation(fixture.terms("A1", 2_000_000_000L, null));
        assertEquals(expectedLength(0), fixture.code(bare, 1).length);
        assertEquals(RideCode.FIXED_LENGTH, expectedLength(0));
    }

    @Test
    void headerCarriesVersionAndDataLength() {
        byte[] b = fixture.code();
        assertEquals((byte) 0x81, b[0]);
        assertEquals(b.length - 3, ((b[1] & 0xFF) << 8) | (b[2] & 0xFF));
    }

    @Test
    void roundTrips() {
        Authorisation auth = fixture.authorisation();
        RideCode code = RideCode.make(auth, 1_795_000_000L, fixture.user.privateKey());
        RideCode parsed = RideCode.parse(code.encode());
        assertEquals(code, parsed);
        assertArrayEquals(code.encode(), parsed.encode());
        assertEquals(auth, parsed.authorisation());
        assertEquals(1_795_000_000L, parsed.generationTime());
    }

    @Test
    void generationTimeAndUserSignatureFollowTheAuthorisation() {
        Authorisation auth = fixture.authorisation();
        byte[] b = fixture.code(auth, 0xA1B2_C3D4L);
        int n = 21;
        assertArrayEquals(auth.encode(), Arrays.copyOfRange(b, 3, 263 + n));
        assertEquals("a1b2c3d4", HexFormat.of().formatHex(b, 263 + n, 267 + n));
        assertEquals(0x40, b[267 + n]);
        // the user signature covers fields 1-17: everything before its length byte
        assertTrue(SmCrypto.verify(fixture.user.publicKey(), Arrays.copyOf(b, 267 + n),
                Arrays.copyOfRange(b, 268 + n, b.length)));
        RideCode code = RideCode.parse(b);
        assertTrue(code.isSignedBy(fixture.user.publicKey()));
        assertFalse(code.isSignedBy(fixture.issuer.publicKey()));
    }

    @Test
    void everyTruncationIsAFormatError() {
        byte[] b = fixture.code();
        for (int length = 0; length < b.length; length++) {
            byte[] truncated = Arrays.copyOf(b, length);
            assertThrows(RideCodeFormatException.class, () -> RideCode.parse(truncated), "length " + length);
        }
    }

    @Test
    void trailingBytesAreAFormatErrorEvenWithAMatchingDataLength() {
        byte[] b = fixture.code();
        byte[] trailing = Arrays.copyOf(b, b.length + 1);
        assertThrows(RideCodeFormatException.class, () -> RideCode.parse(trailing));
        trailing[2]++; // data length now agrees with the actual length; the structure still does not
        assertThrows(RideCodeFormatException.class, () -> RideCode.parse(trailing));
    }

    @Test
    void rejectsOtherVersionsAndInconsistentLengths() {
        for (int version : new int[] {0x01, 0x80, 0x82}) {
            byte[] b = fixture.code();
            b[0] = (byte) version;
            assertThrows(RideCodeFormatException.class, () -> RideCode.parse(b), "version " + version);
        }
        byte[] dataLength = fixture.code();
        dataLength[2]--;
        assertThrows(RideCodeFormatException.class, () -> RideCode.parse(dataLength));
        byte[] signatureLength = fixture.code();
        signatureLength[signatureLength.length - 65] = 0x20;
        assertThrows(RideCodeFormatException.class, () -> RideCode.parse(signatureLength));
        byte[] cardDataLength = fixture.code();
        cardDataLength[3 + 194]++;
        assertThrows(RideCodeFormatException.class, () -> RideCode.parse(cardDataLength));
    }

    @Test
    void damagedBytesFailOnlyAsFormatErrors() {
        // A validator reads whatever a camera gives it; damage must never escape as another exception.
        byte[] original = fixture.code();
        Random random = new Random(20261126);
        for (int i = 0; i < 3000; i++) {
            byte[] b = original.clone();
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            try {
                RideCode.parse(b);
            } catch (RideCodeFormatException expected) {
                // fine
            } catch (RuntimeException e) {
                fail("mutation " + i + " escaped as " + e);
            }
        }
    }

    @Test
    void makeRefusesAKeyTheAuthorisationDoesNotName() {
        Authorisation auth = fixture.authorisation();
        assertThrows(IllegalArgumentException.class, () -> RideCode.make(auth, 1, fixture.stranger.privateKey()));
        assertThrows(IllegalArgumentException.class, () -> RideCode.make(auth, -1, fixture.user.privateKey()));
    }
}
