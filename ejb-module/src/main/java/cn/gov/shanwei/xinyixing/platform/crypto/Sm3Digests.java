package cn.gov.shanwei.xinyixing.platform.crypto;

import java.util.Objects;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM3 hashing and HMAC-SM3 (GB/T 32905, GM/T 0042).
 *
 * <p>Bouncy Castle digest and MAC objects are stateful, so a fresh one is built per call; that is what keeps
 * {@link SmCrypto} safe to call from any thread without pooling.
 */
final class Sm3Digests {

    static final int DIGEST_LENGTH = 32;

    private Sm3Digests() {
    }

    static byte[] sm3(byte[] data) {
        Objects.requireNonNull(data, "data");
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] hmacSm3(byte[] key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        // HMAC itself tolerates an empty key, but here one only ever comes from a missing secret in
        // configuration, and a MAC under an empty key authenticates nothing.
        if (key.length == 0) {
            throw new CryptoException("HMAC-SM3 key must not be empty");
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }
}
