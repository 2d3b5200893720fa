package cn.gov.shanwei.xinyixing.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class Sm2SignatureTest {

    /** Built here, not taken from production code, so the interop checks are independent. */
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(GMNamedCurves.getByName("sm2p256v1"));
    private static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] MESSAGE = "ride code 0001|2025-01-01T08:00:00".getBytes(StandardCharsets.UTF_8);

    private final Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();

    private static byte[] raw(BigInteger r, BigInteger s) {
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(r, out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        return out;
    }

    /** Signs with Bouncy Castle directly, DER-encoded, under the given user id. */
    private static byte[] bcSignDer(Sm2PrivateKey key, byte[] id, byte[] message) throws Exception {
        ECPrivateKeyParameters priv = new ECPrivateKeyParameters(new BigInteger(1, key.encoded()), DOMAIN);
        SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE);
        signer.init(true, new ParametersWithID(new ParametersWithRandom(priv, new SecureRandom()), id));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static byte[] derToRaw(byte[] der) throws IOException {
        BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), der);
        return raw(rs[0], rs[1]);
    }

    @Test
    void signatureIsSixtyFourBytesAndVerifies() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        assertEquals(64, signature.length);
        assertTrue(SmCrypto.verify(pair.publicKey(), MESSAGE, signature));
        assertTrue(SmCrypto.verify(pair.publicKey().encoded(), MESSAGE, signature));
    }

    @Test
    void signFromEncodedPrivateKeyVerifies() {
        byte[] signature = SmCrypto.sign(pair.privateKey().encoded(), MESSAGE);
        assertEquals(64, signature.length);
        assertTrue(SmCrypto.verify(pair.publicKey(), MESSAGE, signature));
    }

    @Test
    void signaturesAreRandomizedButBothVerify() {
        byte[] first = SmCrypto.sign(pair.privateKey(), MESSAGE);
        byte[] second = SmCrypto.sign(pair.privateKey(), MESSAGE);
        assertFalse(Arrays.equals(first, second));
        assertTrue(SmCrypto.verify(pair.publicKey(), MESSAGE, first));
        assertTrue(SmCrypto.verify(pair.publicKey(), MESSAGE, second));
    }

    @Test
    void changedMessageFails() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        byte[] changed = MESSAGE.clone();
        changed[changed.length - 1] ^= 1;
        assertFalse(SmCrypto.verify(pair.publicKey(), changed, signature));
        assertFalse(SmCrypto.verify(pair.publicKey(), new byte[0], signature));
    }

    @Test
    void changedSignatureFails() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        for (int index : new int[] {0, 31, 32, 63}) {
            byte[] changed = signature.clone();
            changed[index] ^= 1;
            assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, changed), "flip at " + index);
        }
    }

    @Test
    void wrongKeyFails() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        Sm2KeyPair other = SmCrypto.generateSm2KeyPair();
        assertFalse(SmCrypto.verify(other.publicKey(), MESSAGE, signature));
    }

    @Test
    void wrongLengthReturnsFalseWithoutThrowing() throws Exception {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, null));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, new byte[0]));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, Arrays.copyOf(signature, 63)));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, Arrays.copyOf(signature, 65)));
        // A valid signature in DER form is still the wrong format for this API.
        byte[] der = bcSignDer(pair.privateKey(), DEFAULT_ID, MESSAGE);
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, der));
    }

    @Test
    void outOfRangeComponentsReturnFalse() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        BigInteger n = DOMAIN.getN();
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

        assertTrue(SmCrypto.verify(pair.publicKey(), MESSAGE, raw(r, s)), "sanity: re-packed original verifies");
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, raw(BigInteger.ZERO, s)));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, raw(r, BigInteger.ZERO)));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, raw(n, s)));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, raw(r, n)));
        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, raw(max, max)));
    }

    @Test
    void invalidEncodedPublicKeyIsAnErrorNotAFalse() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        assertThrows(CryptoException.class, () -> SmCrypto.verify(new byte[33], MESSAGE, signature));
    }

    @Test
    void signatureFromIndependentBouncyCastleSignerVerifies() throws Exception {
        byte[] der = bcSignDer(pair.privateKey(), DEFAULT_ID, MESSAGE);
        assertTrue(SmCrypto.verify(pair.publicKey().encoded(), MESSAGE, derToRaw(der)));
    }

    @Test
    void facadeSignatureVerifiesWithIndependentBouncyCastleVerifier() {
        byte[] signature = SmCrypto.sign(pair.privateKey(), MESSAGE);
        ECPublicKeyParameters pub = new ECPublicKeyParameters(
                DOMAIN.getCurve().decodePoint(pair.publicKey().encoded()), DOMAIN);
        SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE);
        verifier.init(false, new ParametersWithID(pub, DEFAULT_ID));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        assertTrue(verifier.verifySignature(signature));
    }

    @Test
    void signatureUnderDifferentUserIdDoesNotVerify() throws Exception {
        byte[] otherId = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        byte[] der = bcSignDer(pair.privateKey(), otherId, MESSAGE);

        // Sanity: the signature is genuine under its own id, so the failure below is due to the id alone.
        ECPublicKeyParameters pub = new ECPublicKeyParameters(
                DOMAIN.getCurve().decodePoint(pair.publicKey().encoded()), DOMAIN);
        SM2Signer verifier = new SM2Signer(StandardDSAEncoding.INSTANCE);
        verifier.init(false, new ParametersWithID(pub, otherId));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        assertTrue(verifier.verifySignature(der));

        assertFalse(SmCrypto.verify(pair.publicKey(), MESSAGE, derToRaw(der)));
    }

    @Test
    void sharedDecodedKeyVerifiesConcurrently() throws Exception {
        Sm2PublicKey shared = SmCrypto.decodePublicKey(pair.publicKey().encoded());
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] message = ("code-" + i).getBytes(StandardCharsets.UTF_8);
            messages.add(message);
            signatures.add(SmCrypto.sign(pair.privateKey(), message));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean allCorrect = true;
                    for (int round = 0; round < 5; round++) {
                        for (int i = 0; i < messages.size(); i++) {
                            allCorrect &= SmCrypto.verify(shared, messages.get(i), signatures.get(i));
                            int wrong = (i + 1) % messages.size();
                            allCorrect &= !SmCrypto.verify(shared, messages.get(i), signatures.get(wrong));
                        }
                    }
                    return allCorrect;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
