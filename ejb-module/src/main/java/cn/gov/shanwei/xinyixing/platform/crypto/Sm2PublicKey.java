package cn.gov.shanwei.xinyixing.platform.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An SM2 public key, decoded and validated once.
 *
 * <p>The wire form is the 33-byte compressed point because the ride-code layout and the red-list records
 * reserve a 33-byte field. Decompressing needs a modular square root and validation an on-curve check, so a
 * verifier doing about a thousand checks a second should decode each issuer key once and keep this object;
 * Bouncy Castle also caches its multiplication tables on the held point after the first verification.
 * Immutable and safe to share between threads.
 */
public final class Sm2PublicKey {

    private final ECPublicKeyParameters parameters;
    private final byte[] compressed;

    private Sm2PublicKey(ECPublicKeyParameters parameters) {
        this.parameters = parameters;
        this.compressed = parameters.getQ().getEncoded(true);
    }

    /**
     * Decodes a 33-byte compressed point ({@code 02|03 ‖ x}).
     *
     * @throws CryptoException if the length or prefix is wrong, x is not a field element, or no curve point
     *                         has that x
     */
    public static Sm2PublicKey fromCompressed(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        // Uncompressed (04 ‖ x ‖ y) keys are refused on purpose: the stored form is fixed at 33 bytes, and
        // accepting two encodings would let the same key look like two different keys in comparisons.
        if (encoded.length != Sm2Curve.COMPRESSED_POINT_LENGTH) {
            throw new CryptoException("SM2 public key must be a " + Sm2Curve.COMPRESSED_POINT_LENGTH
                    + "-byte compressed point, got " + encoded.length + " bytes");
        }
        if (encoded[0] != 0x02 && encoded[0] != 0x03) {
            throw new CryptoException(String.format(
                    "SM2 public key must start with 0x02 or 0x03 (compressed point), got 0x%02x", encoded[0]));
        }
        try {
            ECPoint point = Sm2Curve.DOMAIN.getCurve().decodePoint(encoded);
            // The constructor validates the point against the domain (not infinity, on the curve).
            return new Sm2PublicKey(new ECPublicKeyParameters(point, Sm2Curve.DOMAIN));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("SM2 public key is not a valid point on sm2p256v1: " + e.getMessage(), e);
        }
    }

    static Sm2PublicKey fromPoint(ECPoint point) {
        return new Sm2PublicKey(new ECPublicKeyParameters(point.normalize(), Sm2Curve.DOMAIN));
    }

    /** The 33-byte compressed encoding; a fresh copy each call. */
    public byte[] encoded() {
        return compressed.clone();
    }

    ECPublicKeyParameters parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sm2PublicKey that && Arrays.equals(compressed, that.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "Sm2PublicKey[" + HexFormat.of().formatHex(compressed) + "]";
    }
}
