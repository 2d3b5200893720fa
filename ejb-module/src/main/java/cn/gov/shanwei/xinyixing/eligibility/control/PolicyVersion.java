package cn.gov.shanwei.xinyixing.eligibility.control;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One issue of the 信易行 plan: the discount it grants (R5) and the days it is in force (R17). The
 * plan "自印发之日起实施，有效期两年" — in force from the day it is issued, for two years — so a
 * renewed or amended plan is a new version, not an edit of the old one, and past rides keep the
 * terms they were taken under.
 *
 * @param rateBasisPoints share of the fare waived, in basis points (5000 = 50 % off)
 * @param issuedOn        day the plan was issued (印发)
 * @param effectiveFrom   first day in force, inclusive
 * @param expiresOn       last day in force, inclusive
 */
public record PolicyVersion(int rateBasisPoints, LocalDate issuedOn, LocalDate effectiveFrom, LocalDate expiresOn) {

    /** R5: 5折 — half the fare. */
    public static final int HALF_FARE_BP = 5000;

    public PolicyVersion {
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(expiresOn, "expiresOn");
        if (rateBasisPoints < 0 || rateBasisPoints > Discount.FULL_BP) {
            throw new IllegalArgumentException("rate must be 0..10000 basis points: " + rateBasisPoints);
        }
        if (expiresOn.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("policy expires before it takes effect");
        }
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
}
