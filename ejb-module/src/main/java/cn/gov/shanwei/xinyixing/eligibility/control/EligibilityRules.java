package cn.gov.shanwei.xinyixing.eligibility.control;

import cn.gov.shanwei.xinyixing.eligibility.entity.ConcessionHolding;
import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a person's ride on a given day carries the 信易行 discount (plan section 3, R2–R5,
 * R17). Every check is run and reported even after one has failed, so the citizen's credit file and
 * the clerk's screen can show everything that stands in the way, not just the first obstacle.
 *
 * <p>Plain Java with no clock of its own: the caller passes the day, taken from the system clock,
 * and the data, taken from the database, so the rules are tested without a container.
 */
public final class EligibilityRules {

    /**
     * @param date         the day of the ride
     * @param idNumber     the person's ID number in plain, read only for its region code; may be null
     * @param entries      the person's red-list entries, current or not
     * @param concessions  the concessions the card operator records for the person
     * @param policies     all policy versions
     * @param categories   looks a category up by code
     */
    public Decision decide(LocalDate date, String idNumber, List<Qualification> entries,
                           List<ConcessionHolding> concessions, List<PolicyVersion> policies,
                           Function<String, Optional<CategoryRule>> categories) {
        Objects.requireNonNull(date, "date");
        List<Reason> reasons = new ArrayList<>();

        Optional<PolicyVersion> policy = policyInForce(date, policies);
        if (policy.isEmpty()) {
            reasons.add(Reason.of(Reason.POLICY_NOT_IN_FORCE, "“信易行”政策在 " + date
                    + " 不在有效期内 / No Xinyixing policy is in force on " + date));
        }

        List<ConcessionType> others = otherConcessions(date, concessions);
        for (ConcessionType other : others) {
            reasons.add(Reason.of(Reason.OTHER_CONCESSION, "已享受" + other.nameZh()
                    + "乘车优惠，不能同时享受“信易行”优惠 / Already rides on the " + other.nameEn()
                    + " concession, which excludes the Xinyixing discount"));
        }

        boolean anyQualifies = false;
        LocalDate lastQualifyingDay = null;
        for (Qualification entry : entries) {
            Reason reason = QualificationCheck.check(entry, date, categories);
            if (Reason.QUALIFIED.equals(reason.code())) {
                anyQualifies = true;
                lastQualifyingDay = lastQualifyingDay == null || entry.validTo().isAfter(lastQualifyingDay)
                        ? entry.validTo() : lastQualifyingDay;
            }
            reasons.add(reason);
        }
        if (!anyQualifies) {
            reasons.add(Reason.of(Reason.NO_QUALIFYING_ENTRY,
                    "没有符合条件的红名单记录 / No qualifying red-list entry"));
        }

        ResidencyCheck.Finding residency = ResidencyCheck.assess(date, idNumber, entries);
        if (residency.reason() != null) {
            reasons.add(residency.reason());
        }

        PolicyVersion inForce = policy.orElse(null);
        if (!others.isEmpty()) {
            // R4: at most one concession per ride; the other one is the operator's to price.
            return new Decision(false, others.get(0), 0, residency.evidence(), reasons, inForce, null);
        }
        boolean eligible = inForce != null && residency.resident() && anyQualifies;
        return eligible
                ? new Decision(true, ConcessionType.XINYIXING, inForce.rateBasisPoints(), residency.evidence(),
                        reasons, inForce, earlier(lastQualifyingDay, inForce.expiresOn()))
                : new Decision(false, null, 0, residency.evidence(), reasons, inForce, null);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The version in force on the day; where versions overlap, the one that took effect last governs. */
    private static Optional<PolicyVersion> policyInForce(LocalDate date, List<PolicyVersion> policies) {
        return policies.stream()
                .filter(p -> p.inForceOn(date))
                .max(Comparator.comparing(PolicyVersion::effectiveFrom).thenComparing(PolicyVersion::issuedOn));
    }

    /** Concessions other than 信易行 held on the day, each type once, in {@link ConcessionType} order. */
    private static List<ConcessionType> otherConcessions(LocalDate date, List<ConcessionHolding> concessions) {
        return concessions.stream()
                .filter(c -> c.type().excludesXinyixing() && c.heldOn(date))
                .map(ConcessionHolding::type)
                .distinct()
                .sorted()
                .toList();
    }
}
