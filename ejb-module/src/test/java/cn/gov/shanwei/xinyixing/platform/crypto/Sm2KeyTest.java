package cn.gov.shanwei.xinyixing.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class Sm2KeyTest {

    /** Independent of the production holder so a wrong curve there would show up here. */
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(GMNamedCurves.getByName("sm2p256v1"));
    private static final BigInteger N = DOMAIN.getN();

    private static byte[] scalar(BigInteger value) {
        return BigIntegers.asUnsignedByteArray(32, value);
    }

    @Test
    void generatedPublicKeyIsCompressedAndRoundTrips() {
        Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();
        byte[] encoded = pair.publicKey().encoded();

        assertEquals(33, encoded.length);
        assertTrue(encoded[0] == 0x02 || encoded[0] == 0x03, "prefix " + encoded[0]);
        Sm2PublicKey decoded = SmCrypto.decodePublicKey(encoded);
        assertEquals(pair.publicKey(), decoded);
        assertArrayEquals(encoded, decoded.encoded());
        // And it is the point the independent BC setup derives from d.
        BigInteger d = new BigInteger(1, pair.privateKey().encoded());
        assertArrayEquals(DOMAIN.getG().multiply(d).normalize().getEncoded(true), encoded);
    }

    @Test
    void encodedReturnsDefensiveCopies() {
        Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();
        byte[] publicBytes = pair.publicKey().encoded();
        publicBytes[1] ^= 1;
        assertFalse(Arrays.equals(publicBytes, pair.publicKey().encoded()));
        byte[] privateBytes = pair.privateKey().encoded();
        privateBytes[31] ^= 1;
        assertFalse(Arrays.equals(privateBytes, pair.privateKey().encoded()));
    }

    @Test
    void privateKeyRoundTripsAsThirtyTwoBytes() {
        Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();
        byte[] encoded = pair.privateKey().encoded();
        assertEquals(32, encoded.length);

        Sm2PrivateKey decoded = SmCrypto.decodePrivateKey(encoded);
        assertArrayEquals(encoded, decoded.encoded());
        assertEquals(pair.publicKey(), decoded.publicKey());
    }

    @Test
    void smallPrivateKeyKeepsLeadingZeros() {
        Sm2PrivateKey one = SmCrypto.decodePrivateKey(scalar(BigInteger.ONE));
        byte[] encoded = one.encoded();
        assertEquals(32, encoded.length);
        assertEquals(1, encoded[31]);
        assertArrayEquals(DOMAIN.getG().getEncoded(true), one.publicKey().encoded());
    }

    @Test
    void privateKeyRangeIsOneToNMinusTwo() {
        SmCrypto.decodePrivateKey(scalar(N.subtract(BigInteger.TWO)));
        assertThrows(CryptoException.class, () -> SmCrypto.decodePrivateKey(new byte[32]));
        assertThrows(CryptoException.class, () -> SmCrypto.decodePrivateKey(scalar(N.subtract(BigInteger.ONE))));
        assertThrows(CryptoException.class, () -> SmCrypto.decodePrivateKey(scalar(N)));
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThrows(CryptoException.class, () -> SmCrypto.decodePrivateKey(allOnes));
    }

    @Test
    void privateKeyMustBeThirtyTwoBytes() {
        assertThrows(CryptoException.class, () -> SmCrypto.decodePrivateKey(new byte[31]));
        byte[] padded = new byte[33];
        padded[32] = 1;
        assertThrows(CryptoException.class, () -> SmCrypto.decodePrivateKey(padded));
    }

    @Test
    void privateKeyToStringDoesNotRevealScalar() {
        Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();
        String hex = HexFormat.of().formatHex(pair.privateKey().encoded());
        assertFalse(pair.privateKey().toString().toLowerCase().contains(hex));
        assertFalse(pair.toString().toLowerCase().contains(hex));
    }

    @Test
    void publicKeyMustBeThirtyThreeByteCompressedPoint() {
        Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();
        byte[] compressed = pair.publicKey().encoded();
        byte[] uncompressed = DOMAIN.getCurve().decodePoint(compressed).getEncoded(false);
        assertEquals(65, uncompressed.length);

        assertThrows(CryptoException.class, () -> SmCrypto.decodePublicKey(uncompressed));
        assertThrows(CryptoException.class, () -> SmCrypto.decodePublicKey(Arrays.copyOf(compressed, 32)));
        assertThrows(CryptoException.class, () -> SmCrypto.decodePublicKey(Arrays.copyOf(compressed, 34)));
        for (byte prefix : new byte[] {0x00, 0x04, 0x06, 0x07}) {
            byte[] wrongPrefix = compressed.clone();
            wrongPrefix[0] = prefix;
            assertThrows(CryptoException.class, () -> SmCrypto.decodePublicKey(wrongPrefix), "prefix " + prefix);
        }
    }

    @Test
    void xWithoutCurvePointIsRejected() {
        ECCurve curve = DOMAIN.getCurve();
        int rejected = 0;
        for (int x = 1; x <= 40; x++) {
            byte[] encoded = new byte[33];
            encoded[0] = 0x02;
            System.arraycopy(scalar(BigInteger.valueOf(x)), 0, encoded, 1, 32);
            // y^2 = x^3 + ax + b has a solution only if the right side is a square.
            ECFieldElement fx = curve.fromBigInteger(BigInteger.valueOf(x));
            ECFieldElement rhs = fx.square().add(curve.getA()).multiply(fx).add(curve.getB());
            if (rhs.sqrt() == null) {
                CryptoException e = assertThrows(CryptoException.class, () -> SmCrypto.decodePublicKey(encoded));
                assertTrue(e.getMessage().contains("not a valid point"), e.getMessage());
                rejected++;
            } else {
                SmCrypto.decodePublicKey(encoded);
            }
        }
        assertTrue(rejected > 0, "expected some x in 1..40 to have no point");
    }

    @Test
    void xOutsideFieldIsRejected() {
        byte[] encoded = new byte[33];
        Arrays.fill(encoded, (byte) 0xff);
        encoded[0] = 0x03;
        assertThrows(CryptoException.class, () -> SmCrypto.decodePublicKey(encoded));
    }

    @Test
    void publicKeyEqualityFollowsEncoding() {
        Sm2KeyPair a = SmCrypto.generateSm2KeyPair();
        Sm2KeyPair b = SmCrypto.generateSm2KeyPair();
        assertEquals(a.publicKey(), SmCrypto.decodePublicKey(a.publicKey().encoded()));
        assertEquals(a.publicKey().hashCode(), SmCrypto.decodePublicKey(a.publicKey().encoded()).hashCode());
        assertNotEquals(a.publicKey(), b.publicKey());
    }

    @Test
    void keyPairRejectsMismatchedHalves() {
        Sm2KeyPair a = SmCrypto.generateSm2KeyPair();
        Sm2KeyPair b = SmCrypto.generateSm2KeyPair();
        assertThrows(CryptoException.class, () -> new Sm2KeyPair(a.privateKey(), b.publicKey()));
    }
}
