package cn.gov.shanwei.xinyixing.platform.crypto;

import java.security.SecureRandom;

/**
 * The project's single entry point for the Chinese national algorithms (SM2, SM3, SM4), backed by the
 * Bouncy Castle lightweight API.
 *
 * <p>One facade so that algorithm choices that must match other parties — the SM2 user id, raw r ‖ s
 * signatures, compressed 33-byte public keys, the SM4-GCM storage layout — are made once, here, and the ride
 * code and red-list code cannot drift apart. Plain Java with no container dependencies so it can be unit
 * tested and used from any tier. All methods are static, stateless and thread-safe.
 *
 * <p>Failures throw {@link CryptoException}; signature verification instead answers {@code false} for any
 * bad signature. Null arguments throw {@link NullPointerException}, except a null signature, which simply
 * does not verify.
 */
public final class SmCrypto {

    /** SecureRandom is thread-safe; one instance avoids reseeding cost on every call. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private SmCrypto() {
    }

    // ---------------------------------------------------------------- SM3

    /** SM3 digest (32 bytes). */
    public static byte[] sm3(byte[] data) {
        return Sm3Digests.sm3(data);
    }

    /** HMAC-SM3 (32 bytes). The key must not be empty. */
    public static byte[] hmacSm3(byte[] key, byte[] data) {
        return Sm3Digests.hmacSm3(key, data);
    }

    // ---------------------------------------------------------------- SM4

    /**
     * Encrypts with SM4-GCM under a fresh random 12-byte nonce.
     *
     * @return nonce (12) ‖ ciphertext (same length as plaintext) ‖ tag (16)
     * @throws CryptoException if the key is not 16 bytes
     */
    public static byte[] sm4Encrypt(byte[] key16, byte[] plaintext) {
        return Sm4Cipher.encryptGcm(key16, plaintext, RANDOM);
    }

    /**
     * Reverses {@link #sm4Encrypt}.
     *
     * @throws CryptoException if the key is not 16 bytes, the input is too short, or authentication fails
     *                         (tampered data or wrong key)
     */
    public static byte[] sm4Decrypt(byte[] key16, byte[] nonceAndCiphertext) {
        return Sm4Cipher.decryptGcm(key16, nonceAndCiphertext);
    }

    /**
     * Encrypts with SM4-GCM and binds the result to {@code associatedData} (authenticated, not stored): decrypting
     * needs the same bytes. Used to tie a stored value to the place it belongs, so that a value moved elsewhere
     * fails instead of decrypting.
     *
     * @return nonce (12) ‖ ciphertext (same length as plaintext) ‖ tag (16)
     */
    public static byte[] sm4Encrypt(byte[] key16, byte[] plaintext, byte[] associatedData) {
        return Sm4Cipher.encryptGcm(key16, plaintext, java.util.Objects.requireNonNull(associatedData, "associatedData"), RANDOM);
    }

    /**
     * Reverses {@link #sm4Encrypt(byte[], byte[], byte[])}.
     *
     * @throws CryptoException if authentication fails: tampered data, wrong key, or other associated data
     */
    public static byte[] sm4Decrypt(byte[] key16, byte[] nonceAndCiphertext, byte[] associatedData) {
        return Sm4Cipher.decryptGcm(key16, nonceAndCiphertext, java.util.Objects.requireNonNull(associatedData, "associatedData"));
    }

    /**
     * Raw SM4 encryption of one 16-byte block (ECB, no padding). Not for storing data — identical blocks
     * give identical output; use {@link #sm4Encrypt}. Kept for known-answer checks and for peers whose
     * protocol specifies a single-block operation.
     */
    public static byte[] sm4EncryptBlock(byte[] key16, byte[] block16) {
        return Sm4Cipher.encryptBlock(key16, block16);
    }

    // ---------------------------------------------------------------- SM2 keys

    /** Generates a new SM2 key pair on sm2p256v1. */
    public static Sm2KeyPair generateSm2KeyPair() {
        return Sm2KeyPair.of(Sm2PrivateKey.generate(RANDOM));
    }

    /** Decodes a 33-byte compressed public key; see {@link Sm2PublicKey#fromCompressed}. */
    public static Sm2PublicKey decodePublicKey(byte[] compressed33) {
        return Sm2PublicKey.fromCompressed(compressed33);
    }

    /** Decodes a 32-byte big-endian private scalar; see {@link Sm2PrivateKey#fromBytes}. */
    public static Sm2PrivateKey decodePrivateKey(byte[] scalar32) {
        return Sm2PrivateKey.fromBytes(scalar32);
    }

    // ---------------------------------------------------------------- SM2 signatures

    /**
     * Signs with SM2/SM3 under the default user id {@code "1234567812345678"}.
     *
     * @return raw r ‖ s, exactly 64 bytes
     */
    public static byte[] sign(Sm2PrivateKey privateKey, byte[] message) {
        return Sm2Signatures.sign(privateKey, message, RANDOM);
    }

    /**
     * As {@link #sign(Sm2PrivateKey, byte[])} from the 32-byte encoded scalar.
     *
     * @throws CryptoException if the private key bytes are invalid
     */
    public static byte[] sign(byte[] privateKey32, byte[] message) {
        return sign(Sm2PrivateKey.fromBytes(privateKey32), message);
    }

    /**
     * Verifies a raw 64-byte r ‖ s SM2/SM3 signature under the default user id. The hot-path form: hold the
     * decoded key and call this.
     *
     * @return {@code false} for a wrong, malformed (not 64 bytes, null) or out-of-range signature; never
     *         throws for a bad signature
     */
    public static boolean verify(Sm2PublicKey publicKey, byte[] message, byte[] signature64) {
        return Sm2Signatures.verify(publicKey, message, signature64);
    }

    /**
     * As {@link #verify(Sm2PublicKey, byte[], byte[])} but decodes the 33-byte compressed key on every call.
     * A bad key is a configuration problem, not a bad signature, so it is reported rather than hidden.
     *
     * @throws CryptoException if the public key bytes are not a valid compressed point
     */
    public static boolean verify(byte[] compressedPublicKey33, byte[] message, byte[] signature64) {
        return verify(Sm2PublicKey.fromCompressed(compressedPublicKey33), message, signature64);
    }
}
