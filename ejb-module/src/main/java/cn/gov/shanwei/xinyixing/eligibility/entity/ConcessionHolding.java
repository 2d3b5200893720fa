package cn.gov.shanwei.xinyixing.eligibility.entity;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.privacy.IndexedIdNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Another concession a person holds (elderly, servicemen, disabled, students …) according to the
 * card operator's account data (R9: the account type chosen at registration), imported into
 * {@code concession_holding}. Its only use here is to exclude the 信易行 discount (R4); it keeps the
 * operator's account type code so a clerk can trace a refusal back to the operator's record. The
 * same class is what the rules read.
 */
@Entity
@Table(name = "concession_holding")
public class ConcessionHolding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private IndexedIdNumber idNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "concession_type", nullable = false)
    private ConcessionType type;

    @Column(name = "source_account_type", nullable = false)
    private String sourceAccountType;

    /** First day held, inclusive. */
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    /** Last day held, inclusive; {@code null} when open-ended. */
    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected ConcessionHolding() {
    }

    /** A holding as imported for the person with this ID index. */
    public ConcessionHolding(IndexedIdNumber idNumber, ConcessionType type, String sourceAccountType,
                             LocalDate validFrom, LocalDate validTo, Instant importedAt) {
        this(type, validFrom, validTo, sourceAccountType);
        this.idNumber = Objects.requireNonNull(idNumber, "idNumber");
        this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
    }

    /** A holding as the rules weigh it, whoever holds it (rules and their tests need no person). */
    public ConcessionHolding(ConcessionType type, LocalDate validFrom, LocalDate validTo, String sourceAccountType) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid-to precedes valid-from");
        }
        this.type = type;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.sourceAccountType = sourceAccountType;
    }

    public boolean heldOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public ConcessionType type() {
        return type;
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
