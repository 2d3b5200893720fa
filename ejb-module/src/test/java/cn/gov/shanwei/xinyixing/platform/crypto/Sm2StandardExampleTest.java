package cn.gov.shanwei.xinyixing.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.test.TestRandomBigInteger;
import org.junit.jupiter.api.Test;

/**
 * The SM2 signature worked example on the recommended curve sm2p256v1 with the default user id
 * "1234567812345678" and message "message digest" (the standard's example values for d, k, the public point,
 * r and s; public test suites attribute it to GB/T 32918 / GM/T 0003.5). The values were read from several
 * independent public test suites that agree byte for byte, e.g. hellobchain/newcryptosm's ecdsa
 * TestStandardData, which verifies exactly this (d, x, y, r, s). Bouncy Castle's own SM2SignerTest has no
 * vector with the default id, which is why it is not the source here.
 */
class Sm2StandardExampleTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);
    private static final String D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private static final String X = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
    private static final String Y = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    private static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private static final String R = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
    private static final String S = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

    /** Y ends in 0x13, i.e. is odd, so the compressed prefix is 03. */
    private static final byte[] COMPRESSED_PUBLIC = HEX.parseHex("03" + X);
    private static final byte[] SIGNATURE = HEX.parseHex(R + S);

    @Test
    void privateKeyDerivesTheExamplePublicKey() {
        Sm2PrivateKey key = SmCrypto.decodePrivateKey(HEX.parseHex(D));
        assertArrayEquals(COMPRESSED_PUBLIC, key.publicKey().encoded());
    }

    @Test
    void compressedFormDecompressesToTheExampleY() {
        SmCrypto.decodePublicKey(COMPRESSED_PUBLIC);
        ECPoint point = GMNamedCurves.getByName("sm2p256v1").getCurve().decodePoint(COMPRESSED_PUBLIC).normalize();
        assertEquals(Y.toLowerCase(), HEX.formatHex(point.getAffineYCoord().getEncoded()));
    }

    @Test
    void exampleSignatureVerifies() {
        assertTrue(SmCrypto.verify(COMPRESSED_PUBLIC, MESSAGE, SIGNATURE));
    }

    @Test
    void exampleSignatureDoesNotVerifyAnotherMessage() {
        assertFalse(SmCrypto.verify(COMPRESSED_PUBLIC, "message digesT".getBytes(StandardCharsets.US_ASCII), SIGNATURE));
    }

    @Test
    void signingWithTheExampleNonceReproducesTheExampleSignature() {
        Sm2PrivateKey key = SmCrypto.decodePrivateKey(HEX.parseHex(D));
        byte[] signature = Sm2Signatures.sign(key, MESSAGE, new TestRandomBigInteger(K, 16));
        assertEquals(HEX.formatHex(SIGNATURE), HEX.formatHex(signature));
    }
}
