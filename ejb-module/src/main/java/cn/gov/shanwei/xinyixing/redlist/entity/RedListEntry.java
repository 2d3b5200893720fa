package cn.gov.shanwei.xinyixing.redlist.entity;

import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's standing on the red list in one category. The ID number arrives already protected
 * (cipher, keyed index, mask); this entity never sees it in plain.
 */
@Entity
@Table(name = RedListEntry.TABLE)
public class RedListEntry {

    /** Named in the associated data of the ID-number cipher. */
    public static final String TABLE = "redlist_entry";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private ProtectedIdNumber idNumber;

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

    @Enumerated(EnumType.STRING)
    private Level level;

    @Column(name = "blood_ml")
    private Integer bloodMl;

    @Column(name = "donation_yuan", precision = 14, scale = 2)
    private BigDecimal donationYuan;

    @Column(name = "volunteer_stars")
    private Integer volunteerStars;

    @Column(name = "taxpayer_grade")
    private String taxpayerGrade;

    @Column(name = "recognised_on")
    private LocalDate recognisedOn;

    @Enumerated(EnumType.STRING)
    private Residency residency;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RedListEntry() {
    }

    public RedListEntry(ProtectedIdNumber idNumber, String nameMasked, String categoryCode, CategoryDetails details,
                        Residency residency, LocalDate validFrom, LocalDate validTo, String sourceDocument,
                        String batchId) {
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid-to precedes valid-from");
        }
        this.idNumber = idNumber;
        this.nameMasked = nameMasked;
        this.categoryCode = categoryCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.sourceDocument = sourceDocument;
        this.batchId = batchId;
        this.level = details.level();
        this.bloodMl = details.bloodMl();
        this.donationYuan = details.donationYuan();
        this.volunteerStars = details.volunteerStars();
        this.taxpayerGrade = details.taxpayerGrade();
        this.residency = residency;
    }

    public Long id() {
        return id;
    }

    public CategoryDetails details() {
        return new CategoryDetails(level, bloodMl, donationYuan, volunteerStars, taxpayerGrade);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public Residency residency() {
        return residency;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String nameMasked() {
        return nameMasked;
    }

    public ProtectedIdNumber idNumber() {
        return idNumber;
    }

    public String idNumberMasked() {
        return idNumber.masked();
    }

    public String categoryCode() {
        return categoryCode;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
