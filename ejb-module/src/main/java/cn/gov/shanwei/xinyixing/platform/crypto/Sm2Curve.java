package cn.gov.shanwei.xinyixing.platform.crypto;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/**
 * The one SM2 curve this system uses: the GB/T 32918.5 recommended curve {@code sm2p256v1}.
 *
 * <p>Built once because constructing domain parameters is not free and the objects are immutable; sharing
 * them also lets Bouncy Castle keep its precomputed tables for the base point across calls.
 *
 * <p>From {@code CustomNamedCurves}, not {@code GMNamedCurves}: the same parameters, but on Bouncy Castle's
 * dedicated {@code SM2P256V1Curve}, whose field arithmetic works on fixed 256-bit words instead of
 * {@code BigInteger} and its division for every reduction. A profile of the online scan showed the
 * {@code BigInteger} reductions as the largest part of each SM2 verification.
 */
final class Sm2Curve {

    static final ECDomainParameters DOMAIN = load();
    static final BigInteger N = DOMAIN.getN();

    /** Field elements, scalars and each half of a raw signature are all this long. */
    static final int SCALAR_LENGTH = 32;

    /** Prefix byte + x coordinate. */
    static final int COMPRESSED_POINT_LENGTH = SCALAR_LENGTH + 1;

    private Sm2Curve() {
    }

    private static ECDomainParameters load() {
        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        if (x9 == null) {
            throw new IllegalStateException("Bouncy Castle does not define curve sm2p256v1");
        }
        return new ECDomainParameters(x9);
    }
}
