package cn.gov.shanwei.xinyixing.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 signatures with SM3 (GB/T 32918.2) under the default user id {@code "1234567812345678"}.
 *
 * <p>The user id enters the signed hash (Z<sub>A</sub>), so signer and verifier must agree on it; the
 * transport QR payment scheme and GM/T 0009 use this default, and fixing it here means no caller can pass a
 * different one by accident. Signatures are the raw 64-byte r ‖ s (each 32 bytes big-endian) rather than
 * DER, because the ride-code layout reserves exactly 64 bytes and DER is 70 to 72 bytes of variable length.
 * {@link SM2Signer} is stateful, so one is built per call.
 */
final class Sm2Signatures {

    static final int SIGNATURE_LENGTH = 2 * Sm2Curve.SCALAR_LENGTH;

    private static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private Sm2Signatures() {
    }

    /** Package-private with an explicit random source so the standard's fixed-k example can be replayed. */
    static byte[] sign(Sm2PrivateKey key, byte[] message, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        // ParametersWithID only reads the id, so sharing the constant array is safe.
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key.parameters(), random), DEFAULT_USER_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new CryptoException("SM2 signing failed", e);
        }
    }

    static boolean verify(Sm2PublicKey key, byte[] message, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        // Checked here as well as in PlainDSAEncoding so the "never throws on a bad signature" promise does
        // not depend on Bouncy Castle internals.
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(false, new ParametersWithID(key.parameters(), DEFAULT_USER_ID));
        signer.update(message, 0, message.length);
        try {
            // Rejects r or s outside [1, n-1] by returning false.
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
