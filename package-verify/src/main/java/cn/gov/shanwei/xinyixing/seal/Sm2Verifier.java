package cn.gov.shanwei.xinyixing.seal;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SM2 signature verification with the application's conventions, for a tool that cannot use the
 * application: curve {@code sm2p256v1}, SM3, the GB/T 32918 default user id {@code "1234567812345678"},
 * signatures as raw r ‖ s (64 bytes), public keys as 33-byte compressed points.
 *
 * <p>The application's own facade ({@code platform.crypto.SmCrypto}) lives in the EJB module, which depends
 * on this one, so it cannot be used here; the EJB module's tests sign with that facade and verify with this
 * class to keep the two from drifting apart.
 */
public final class Sm2Verifier {

    /** r and s, 32 bytes each. */
    public static final int SIGNATURE_LENGTH = 64;

    /** Prefix 02 or 03, then x. */
    public static final int PUBLIC_KEY_LENGTH = 33;

    private static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final ECDomainParameters DOMAIN = domain();

    private Sm2Verifier() {
    }

    /**
     * Checks that a compressed public key is a point of the curve.
     *
     * @throws IllegalArgumentException with a bilingual message if it is not
     */
    public static void checkPublicKey(byte[] compressed) {
        publicKey(compressed);
    }

    /**
     * Verifies a raw r ‖ s signature over {@code message}.
     *
     * @return {@code false} for any wrong or malformed signature, never an exception
     * @throws IllegalArgumentException if the public key is not a compressed point of the curve: a wrong key
     *                                  is the caller's mistake, not a bad signature
     */
    public static boolean verify(byte[] compressedPublicKey, byte[] message, byte[] signature) {
        ECPublicKeyParameters key = publicKey(compressedPublicKey);
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
        signer.init(false, new ParametersWithID(key, DEFAULT_USER_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static ECPublicKeyParameters publicKey(byte[] compressed) {
        // Only the compressed form, as the application stores keys: two encodings of one key would let the
        // same key look like two.
        if (compressed == null || compressed.length != PUBLIC_KEY_LENGTH
                || (compressed[0] != 0x02 && compressed[0] != 0x03)) {
            throw new IllegalArgumentException("公钥须为 33 字节压缩格式（02 或 03 开头）"
                    + " / the public key must be a 33-byte compressed point starting with 02 or 03");
        }
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(compressed);
            return new ECPublicKeyParameters(point, DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("公钥不是 SM2 曲线上的点 / the public key is not a point of the SM2 curve", e);
        }
    }

    private static ECDomainParameters domain() {
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        return new ECDomainParameters(x9);
    }
}
