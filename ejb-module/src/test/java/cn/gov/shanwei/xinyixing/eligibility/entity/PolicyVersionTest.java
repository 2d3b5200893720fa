package cn.gov.shanwei.xinyixing.eligibility.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R17: 自印发之日起实施，有效期两年. */
class PolicyVersionTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 1);

    @Test
    void issuedPolicyRunsTwoYearsFromItsIssueDay() {
        PolicyVersion policy = PolicyVersion.issued(ISSUED, PolicyVersion.HALF_FARE_BP);
        assertEquals(ISSUED, policy.issuedOn());
        assertEquals(ISSUED, policy.effectiveFrom());
        assertEquals(LocalDate.of(2027, 12, 31), policy.expiresOn());
        assertEquals(5000, policy.rateBasisPoints());
    }

    @Test
    void inForceFromItsFirstDayToItsLastInclusive() {
        PolicyVersion policy = PolicyVersion.issued(ISSUED, 5000);
        assertFalse(policy.inForceOn(LocalDate.of(2025, 12, 31)));
        assertTrue(policy.inForceOn(LocalDate.of(2026, 1, 1)));
        assertTrue(policy.inForceOn(LocalDate.of(2027, 12, 31)));
        assertFalse(policy.inForceOn(LocalDate.of(2028, 1, 1)));
    }

    @Test
    void issuedMidYearEndsTheDayBeforeTheSecondAnniversary() {
        assertEquals(LocalDate.of(2028, 6, 14), PolicyVersion.issued(LocalDate.of(2026, 6, 15), 5000).expiresOn());
    }

    @Test
    void rejectsImpossibleVersions() {
        assertThrows(IllegalArgumentException.class, () -> PolicyVersion.issued(ISSUED, -1));
        assertThrows(IllegalArgumentException.class, () -> PolicyVersion.issued(ISSUED, 10001));
        assertThrows(IllegalArgumentException.class,
                () -> new PolicyVersion(5000, ISSUED, ISSUED, ISSUED.minusDays(1)));
        assertThrows(NullPointerException.class, () -> new PolicyVersion(5000, ISSUED, null, ISSUED));
    }
}
