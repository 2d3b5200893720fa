package cn.gov.shanwei.xinyixing.eligibility.entity;

import cn.gov.shanwei.xinyixing.eligibility.control.Discount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One issue of the 信易行 plan: the discount it grants (R5) and the days it is in force (R17). The
 * plan "自印发之日起实施，有效期两年" — in force from the day it is issued, for two years — so a
 * renewed or amended plan is a new version (a new row of {@code policy_version}), not an edit of the
 * old one, and past rides keep the terms they were taken under. The same class is the rule the
 * deciding code reads, so the concept has one name from table to rule.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

    /** R5: 5折 — half the fare. */
    public static final int HALF_FARE_BP = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Share of the fare waived, in basis points (5000 = 50 % off). */
    @Column(name = "rate_basis_points", nullable = false)
    private int rateBasisPoints;

    /** Day the plan was issued (印发). */
    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    /** First day in force, inclusive. */
    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    /** Last day in force, inclusive. */
    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "document_no", nullable = false)
    private String documentNo;

    protected PolicyVersion() {
    }

    public PolicyVersion(int rateBasisPoints, LocalDate issuedOn, LocalDate effectiveFrom, LocalDate expiresOn) {
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(expiresOn, "expiresOn");
        if (rateBasisPoints < 0 || rateBasisPoints > Discount.FULL_BP) {
            throw new IllegalArgumentException("rate must be 0..10000 basis points: " + rateBasisPoints);
        }
        if (expiresOn.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("policy expires before it takes effect");
        }
        this.rateBasisPoints = rateBasisPoints;
        this.issuedOn = issuedOn;
        this.effectiveFrom = effectiveFrom;
        this.expiresOn = expiresOn;
    }

    /**
     * The plan as written: in force from its issue date for two years, the last day being the day
     * before the second anniversary (issued 2026-01-01 → in force until 2027-12-31).
     */
    public static PolicyVersion issued(LocalDate issuedOn, int rateBasisPoints) {
        return new PolicyVersion(rateBasisPoints, issuedOn, issuedOn, issuedOn.plusYears(2).minusDays(1));
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && !date.isAfter(expiresOn);
    }

    public Long id() {
        return id;
    }

    public int rateBasisPoints() {
        return rateBasisPoints;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public String documentNo() {
        return documentNo;
    }
}
