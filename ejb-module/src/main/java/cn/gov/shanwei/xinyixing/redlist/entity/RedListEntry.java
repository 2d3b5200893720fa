package cn.gov.shanwei.xinyixing.redlist.entity;

import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One person's standing on the red list in one category. The ID number arrives already protected
 * (cipher, keyed index, mask); this entity never sees it in plain.
 */
@Entity
@Table(name = "redlist_entry")
public class RedListEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "id_number_index", nullable = false)
    private byte[] idNumberIndex;

    @Column(name = "id_number_cipher", nullable = false)
    private byte[] idNumberCipher;

    @Column(name = "id_number_masked", nullable = false)
    private String idNumberMasked;

    @Column(name = "name_masked", nullable = false)
    private String nameMasked;

    @Column(name = "category_code", nullable = false)
    private String categoryCode;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to", nullable = false)
    private LocalDate validTo;

    @Column(name = "source_document", nullable = false)
    private String sourceDocument;

    @Column(name = "batch_id")
    private String batchId;

    protected RedListEntry() {
    }

    public RedListEntry(ProtectedIdNumber idNumber, String nameMasked, String categoryCode,
                        LocalDate validFrom, LocalDate validTo, String sourceDocument, String batchId) {
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid-to precedes valid-from");
        }
        this.idNumberIndex = idNumber.index();
        this.idNumberCipher = idNumber.cipher();
        this.idNumberMasked = idNumber.masked();
        this.nameMasked = nameMasked;
        this.categoryCode = categoryCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.sourceDocument = sourceDocument;
        this.batchId = batchId;
    }

    public String idNumberMasked() {
        return idNumberMasked;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
