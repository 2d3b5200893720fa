package cn.gov.shanwei.xinyixing.eligibility.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invariants that keep a decision and its inputs from saying contradictory things. */
class ValueObjectsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    private static final PolicyVersion POLICY = PolicyVersion.issued(DAY, 5000);

    @Test
    void qualificationWithoutDetailsHasNone() {
        assertEquals(CategoryDetails.NONE, new Qualification(1, "X", null, DAY, DAY, null, false).details());
    }

    @Test
    void qualificationRejectsReversedDates() {
        assertThrows(IllegalArgumentException.class,
                () -> new Qualification(1, "X", null, DAY, DAY.minusDays(1), null, false));
    }

    @Test
    void anEligibleDecisionMustCarryXinyixingUnderAPolicy() {
        assertThrows(IllegalArgumentException.class, () -> new Decision(true, ConcessionType.ELDERLY, 5000,
                ResidencyEvidence.PLATFORM_RESIDENCY, List.of(), POLICY, DAY));
        assertThrows(IllegalArgumentException.class, () -> new Decision(true, ConcessionType.XINYIXING, 5000,
                ResidencyEvidence.PLATFORM_RESIDENCY, List.of(), null, DAY));
    }

    @Test
    void anEntitlementEndComesExactlyWithEligibility() {
        assertThrows(IllegalArgumentException.class, () -> new Decision(true, ConcessionType.XINYIXING, 5000,
                ResidencyEvidence.PLATFORM_RESIDENCY, List.of(), POLICY, null));
        assertThrows(IllegalArgumentException.class, () -> new Decision(false, null, 0,
                ResidencyEvidence.PLATFORM_RESIDENCY, List.of(), POLICY, DAY));
    }

    @Test
    void anIneligibleDecisionGrantsNoRateAndNoXinyixing() {
        assertThrows(IllegalArgumentException.class, () -> new Decision(false, null, 5000,
                ResidencyEvidence.PLATFORM_RESIDENCY, List.of(), POLICY, null));
        assertThrows(IllegalArgumentException.class, () -> new Decision(false, ConcessionType.XINYIXING, 0,
                ResidencyEvidence.PLATFORM_RESIDENCY, List.of(), POLICY, null));
    }

    @Test
    void decisionReasonsCannotBeChangedAfterwards() {
        List<Reason> reasons = new ArrayList<>(List.of(Reason.of(Reason.QUALIFIED, 1, "ok / ok")));
        Decision d = new Decision(true, ConcessionType.XINYIXING, 5000, ResidencyEvidence.ID_REGION_CODE,
                reasons, POLICY, POLICY.expiresOn());
        reasons.clear();
        assertEquals(1, d.reasons().size());
        assertThrows(UnsupportedOperationException.class, () -> d.reasons().add(Reason.of("X", "x / x")));
    }

    @Test
    void onlyQualifiedOutcomesAreSatisfied() {
        assertThrows(IllegalArgumentException.class, () -> new RuleOutcome(true, Reason.BELOW_THRESHOLD, "m"));
        assertThrows(IllegalArgumentException.class, () -> new RuleOutcome(false, Reason.QUALIFIED, "m"));
        assertEquals(new Reason(Reason.FIGURE_MISSING, 3L, "m"), RuleOutcome.figureMissing("m").toReason(3));
    }
}
