package cn.gov.shanwei.xinyixing.platform.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An ID number in the only forms the system keeps: a keyed SM3 index to find the person, SM4-GCM
 * ciphertext for the rare lawful read-back, the masked form for screens, and the version of the keys
 * both were made with. The ciphertext is bound to its table and to the index beside it (associated
 * data), so it decrypts only where it was written; see {@link IdNumberProtection}.
 *
 * <p>Embedded by every table that keeps the full set ({@code id_number_index}, {@code id_number_cipher},
 * {@code id_number_masked}, {@code id_number_key_version}). The cipher may be absent where the law lets
 * it be erased (a closed account). A key version of {@code null} marks a row written before versions
 * were recorded: key 1, no associated data; the rotation command rewrites such rows.
 */
@Embeddable
public class ProtectedIdNumber {

    @Column(name = "id_number_index", nullable = false)
    private byte[] index;

    @Column(name = "id_number_cipher")
    private byte[] cipher;

    @Column(name = "id_number_masked", nullable = false)
    private String masked;

    @Column(name = "id_number_key_version")
    private Integer keyVersion;

    protected ProtectedIdNumber() {
    }

    public ProtectedIdNumber(byte[] index, byte[] cipher, String masked, Integer keyVersion) {
        this.index = index.clone();
        this.cipher = cipher == null ? null : cipher.clone();
        this.masked = masked;
        this.keyVersion = keyVersion;
    }

    public byte[] index() {
        return index.clone();
    }

    /** The ciphertext, or {@code null} once erased. */
    public byte[] cipher() {
        return cipher == null ? null : cipher.clone();
    }

    public String masked() {
        return masked;
    }

    /** The key version, or {@code null} for a row from before versions were recorded. */
    public Integer keyVersion() {
        return keyVersion;
    }

    /** The same person without the means to read the number back: what a closed account keeps. */
    public ProtectedIdNumber withoutCipher() {
        return new ProtectedIdNumber(index, null, masked, keyVersion);
    }

    /** The index and mask alone, for tables that only need to find the person. */
    public IndexedIdNumber indexed() {
        return new IndexedIdNumber(index, masked, keyVersion);
    }

    /** Never the index or the cipher: a log line must not help anyone link or decrypt. */
    @Override
    public String toString() {
        return "ProtectedIdNumber[" + masked + ", key version " + keyVersion + "]";
    }
}
