package cn.gov.shanwei.xinyixing.eligibility.entity;

import cn.gov.shanwei.xinyixing.platform.privacy.IndexedIdNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Another concession a person holds (elderly, servicemen, disabled, students …), imported from the
 * card operator's account types. Its only use here is to exclude the 信易行 discount (R4).
 */
@Entity
@Table(name = "concession_holding")
public class ConcessionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private IndexedIdNumber idNumber;

    @Column(name = "concession_type", nullable = false)
    private String concessionType;

    @Column(name = "source_account_type", nullable = false)
    private String sourceAccountType;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected ConcessionRecord() {
    }

    public ConcessionRecord(IndexedIdNumber idNumber, String concessionType,
                            String sourceAccountType, LocalDate validFrom, LocalDate validTo, Instant importedAt) {
        this.idNumber = idNumber;
        this.concessionType = concessionType;
        this.sourceAccountType = sourceAccountType;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.importedAt = importedAt;
    }

    public String concessionType() {
        return concessionType;
    }

    public String sourceAccountType() {
        return sourceAccountType;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
