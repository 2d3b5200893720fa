package cn.gov.shanwei.xinyixing.platform.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * An SM2 private key: the scalar d, stored as 32 big-endian bytes.
 *
 * <p>A fixed 32-byte form (not {@link BigInteger#toByteArray()}, which yields 31 to 33 bytes) so that keys
 * fit one column width and one HSM/KMS import format. d is restricted to [1, n-2] as GB/T 32918.1 requires:
 * SM2 signing inverts (1 + d), which is impossible for d = n-1. The matching public key is derived once on
 * construction. Immutable and thread-safe; {@link #toString()} never shows the scalar.
 */
public final class Sm2PrivateKey {

    private static final BigInteger MAX_D = Sm2Curve.N.subtract(BigInteger.TWO);

    private final ECPrivateKeyParameters parameters;
    private final Sm2PublicKey publicKey;

    private Sm2PrivateKey(BigInteger d) {
        this.parameters = new ECPrivateKeyParameters(d, Sm2Curve.DOMAIN);
        this.publicKey = Sm2PublicKey.fromPoint(new FixedPointCombMultiplier().multiply(Sm2Curve.DOMAIN.getG(), d));
    }

    /**
     * Decodes a 32-byte big-endian scalar.
     *
     * @throws CryptoException if the length is not 32 or the value is outside [1, n-2]
     */
    public static Sm2PrivateKey fromBytes(byte[] scalar) {
        Objects.requireNonNull(scalar, "scalar");
        if (scalar.length != Sm2Curve.SCALAR_LENGTH) {
            throw new CryptoException("SM2 private key must be " + Sm2Curve.SCALAR_LENGTH
                    + " bytes, got " + scalar.length);
        }
        BigInteger d = BigIntegers.fromUnsignedByteArray(scalar);
        if (d.signum() <= 0 || d.compareTo(MAX_D) > 0) {
            throw new CryptoException("SM2 private key is outside the valid range [1, n-2]");
        }
        return new Sm2PrivateKey(d);
    }

    static Sm2PrivateKey generate(SecureRandom random) {
        return new Sm2PrivateKey(BigIntegers.createRandomInRange(BigInteger.ONE, MAX_D, random));
    }

    /** The 32-byte big-endian scalar; a fresh copy each call. Handle as a secret. */
    public byte[] encoded() {
        return BigIntegers.asUnsignedByteArray(Sm2Curve.SCALAR_LENGTH, parameters.getD());
    }

    /** The public key belonging to this private key. */
    public Sm2PublicKey publicKey() {
        return publicKey;
    }

    ECPrivateKeyParameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "Sm2PrivateKey[public=" + publicKey + "]";
    }
}
