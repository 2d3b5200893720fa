package cn.gov.shanwei.xinyixing.platform.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) for small values stored at rest.
 *
 * <p>GCM rather than CBC/ECB because a stored value must be tamper-evident: a flipped bit in the database
 * has to be an error, not silently different plaintext. The nonce is random and travels in front of the
 * ciphertext so a single column holds everything needed to decrypt. With random 96-bit nonces a single key
 * should encrypt well under 2<sup>32</sup> values before rotation; that is far beyond what a table of
 * personal fields reaches.
 */
final class Sm4Cipher {

    static final int KEY_LENGTH = 16;
    static final int BLOCK_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private Sm4Cipher() {
    }

    static byte[] encryptGcm(byte[] key, byte[] plaintext, SecureRandom random) {
        return encryptGcm(key, plaintext, null, random);
    }

    /**
     * As {@link #encryptGcm(byte[], byte[], SecureRandom)}, authenticating {@code associatedData} too: the
     * same bytes must be presented to decrypt, so a value copied to another place that names itself
     * differently no longer decrypts.
     */
    static byte[] encryptGcm(byte[] key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
        checkKey(key);
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);

        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, associatedData));
        byte[] out = new byte[NONCE_LENGTH + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            gcm.doFinal(out, NONCE_LENGTH + written);
        } catch (InvalidCipherTextException e) {
            // Cannot happen when encrypting; kept explicit rather than swallowed.
            throw new CryptoException("SM4-GCM encryption failed", e);
        }
        return out;
    }

    static byte[] decryptGcm(byte[] key, byte[] nonceAndCiphertext) {
        return decryptGcm(key, nonceAndCiphertext, null);
    }

    static byte[] decryptGcm(byte[] key, byte[] nonceAndCiphertext, byte[] associatedData) {
        checkKey(key);
        Objects.requireNonNull(nonceAndCiphertext, "nonceAndCiphertext");
        if (nonceAndCiphertext.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException("SM4-GCM input is " + nonceAndCiphertext.length
                    + " bytes; at least " + (NONCE_LENGTH + TAG_LENGTH) + " (nonce + tag) are required");
        }
        byte[] nonce = Arrays.copyOfRange(nonceAndCiphertext, 0, NONCE_LENGTH);
        int cipherLength = nonceAndCiphertext.length - NONCE_LENGTH;

        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, associatedData));
        byte[] out = new byte[gcm.getOutputSize(cipherLength)];
        try {
            int written = gcm.processBytes(nonceAndCiphertext, NONCE_LENGTH, cipherLength, out, 0);
            gcm.doFinal(out, written);
            return out;
        } catch (InvalidCipherTextException e) {
            // GCM streams plaintext before the tag is checked; wipe it so unauthenticated data never escapes.
            Arrays.fill(out, (byte) 0);
            throw new CryptoException("SM4-GCM authentication failed: the ciphertext was altered, the key is wrong or the associated data differ", e);
        }
    }

    /** One raw SM4 block; exists to prove the engine against the GB/T 32907 example, not for storing data. */
    static byte[] encryptBlock(byte[] key, byte[] block) {
        checkKey(key);
        Objects.requireNonNull(block, "block");
        if (block.length != BLOCK_LENGTH) {
            throw new CryptoException("SM4 block must be " + BLOCK_LENGTH + " bytes, got " + block.length);
        }
        BlockCipher engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[BLOCK_LENGTH];
        engine.processBlock(block, 0, out, 0);
        return out;
    }

    private static void checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_LENGTH) {
            throw new CryptoException("SM4 key must be " + KEY_LENGTH + " bytes, got " + key.length);
        }
    }
}
