package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.util.Optional;

/**
 * Signs and verifies a red-list batch: SM2 with SM3 and the GB/T 32918 default user id over
 * {@link CanonicalForm#of}, carried as the raw 64 bytes r ‖ s. The boundary checks this before reading any
 * entry, so data that is not the platform's is never validated, let alone applied (R1, R14).
 */
public final class BatchSignature {

    private BatchSignature() {
    }

    /** The signature for the batch's canonical form; any signature the batch already carries is ignored. */
    public static byte[] sign(BatchMessage batch, Sm2PrivateKey privateKey) {
        return SmCrypto.sign(privateKey, CanonicalForm.of(batch));
    }

    /** The batch completed with its signature; what the platform stub and tests send. */
    public static BatchMessage signed(BatchMessage batch, Sm2PrivateKey privateKey) {
        return batch.withSignature(sign(batch, privateKey));
    }

    /**
     * Whether the batch carries a valid signature by the holder of the key. A missing, short or wrong
     * signature answers {@code false}; it never throws for a bad message.
     */
    public static boolean verify(BatchMessage batch, Sm2PublicKey publicKey) {
        byte[] signature = batch.signature();
        if (signature == null || signature.length != 64) {
            return false;
        }
        return SmCrypto.verify(publicKey, CanonicalForm.of(batch), signature);
    }

    /** The rejection to answer when {@link #verify} fails; empty when the signature is good. */
    public static Optional<Rejection> check(BatchMessage batch, Sm2PublicKey publicKey) {
        return verify(batch, publicKey)
                ? Optional.empty()
                : Optional.of(Rejection.ofBatch(RejectionCode.SIGNATURE_INVALID));
    }
}
