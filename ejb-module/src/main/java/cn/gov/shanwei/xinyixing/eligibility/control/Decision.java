package cn.gov.shanwei.xinyixing.eligibility.control;

import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The answer to "which concession does this ride carry, and why": the outcome plus every reason
 * that led to it, so a refusal can be explained to the citizen and audited later.
 *
 * @param eligible          whether the 信易行 discount applies
 * @param concession        the concession the ride carries: {@link ConcessionType#XINYIXING} when
 *                          eligible, another type when that one excludes 信易行 (R4), else {@code null}
 * @param rateBasisPoints   the 信易行 rate granted, 0 unless eligible (another concession's rate is
 *                          not this system's to decide)
 * @param residencyEvidence what settled residency (R3)
 * @param reasons           every reason, in the order checked
 * @param policy            the policy version in force on the day, {@code null} when none
 * @param entitlementEnds   the last day the discount holds unless something changes: the later
 *                          end of the qualifying entries, but never past the policy's end; what the
 *                          ride code's card data carries. {@code null} unless eligible
 */
public record Decision(boolean eligible, ConcessionType concession, int rateBasisPoints,
                       ResidencyEvidence residencyEvidence, List<Reason> reasons, PolicyVersion policy,
                       LocalDate entitlementEnds) {

    public Decision {
        Objects.requireNonNull(residencyEvidence, "residencyEvidence");
        reasons = List.copyOf(reasons);
        if (eligible && (concession != ConcessionType.XINYIXING || policy == null)) {
            throw new IllegalArgumentException("an eligible decision carries 信易行 under a policy");
        }
        if (eligible != (entitlementEnds != null)) {
            throw new IllegalArgumentException("an entitlement end exactly when eligible");
        }
        if (!eligible && (rateBasisPoints != 0 || concession == ConcessionType.XINYIXING)) {
            throw new IllegalArgumentException("no 信易行 rate or concession without eligibility");
        }
    }

    /** The reason codes in order, for logs and statistics. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
