package cn.gov.shanwei.xinyixing.platform.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An ID number as kept by tables that only need to find the person, never to read the number back:
 * the keyed index, the masked form and the version of the index key
 * ({@code id_number_index}, {@code id_number_masked}, {@code id_number_key_version}).
 */
@Embeddable
public class IndexedIdNumber {

    @Column(name = "id_number_index", nullable = false)
    private byte[] index;

    @Column(name = "id_number_masked", nullable = false)
    private String masked;

    @Column(name = "id_number_key_version")
    private Integer keyVersion;

    protected IndexedIdNumber() {
    }

    public IndexedIdNumber(byte[] index, String masked, Integer keyVersion) {
        this.index = index.clone();
        this.masked = masked;
        this.keyVersion = keyVersion;
    }

    public byte[] index() {
        return index.clone();
    }

    public String masked() {
        return masked;
    }

    public Integer keyVersion() {
        return keyVersion;
    }

    /** Never the index. */
    @Override
    public String toString() {
        return "IndexedIdNumber[" + masked + ", key version " + keyVersion + "]";
    }
}
