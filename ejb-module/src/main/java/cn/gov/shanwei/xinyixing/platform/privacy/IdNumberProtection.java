package cn.gov.shanwei.xinyixing.platform.privacy;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns a plain ID number into its protected forms (R14). The index is an HMAC-SM3 under its own
 * key, so equal numbers find each other without the table revealing them; a plain SM3 would not
 * do, as the 18-digit space is small enough to enumerate.
 */
public final class IdNumberProtection {

    private final byte[] cipherKey;
    private final byte[] indexKey;

    public IdNumberProtection(byte[] cipherKey, byte[] indexKey) {
        if (cipherKey.length != 16) {
            throw new IllegalArgumentException("The SM4 key is 16 bytes");
        }
        if (indexKey.length < 16) {
            throw new IllegalArgumentException("The index key is at least 16 bytes");
        }
        this.cipherKey = cipherKey.clone();
        this.indexKey = indexKey.clone();
    }

    public ProtectedIdNumber protect(String idNumber) {
        String normalised = normalise(idNumber);
        byte[] plain = normalised.getBytes(StandardCharsets.US_ASCII);
        return new ProtectedIdNumber(index(normalised), SmCrypto.sm4Encrypt(cipherKey, plain), Masking.idNumber(normalised));
    }

    /** The lookup key for an ID number, as stored in {@code id_number_index} columns. */
    public byte[] index(String idNumber) {
        return SmCrypto.hmacSm3(indexKey, normalise(idNumber).getBytes(StandardCharsets.US_ASCII));
    }

    public String reveal(byte[] cipher) {
        return new String(SmCrypto.sm4Decrypt(cipherKey, cipher), StandardCharsets.US_ASCII);
    }

    /** The check character may arrive as x or X; both mean the same person. */
    private static String normalise(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
