package cn.gov.shanwei.xinyixing.eligibility.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.eligibility.entity.ConcessionHolding;
import cn.gov.shanwei.xinyixing.eligibility.entity.PolicyVersion;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.redlist.entity.RuleKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final PolicyVersion POLICY = PolicyVersion.issued(ISSUED, PolicyVersion.HALF_FARE_BP);
    private static final String SHANWEI_ID = "441502198503120020";
    private static final String GUANGZHOU_ID = "440106198503120020";

    private final EligibilityRules rules = new EligibilityRules();

    private static Qualification moralModel(long id, Residency residency) {
        return new Qualification(id, "MORAL_MODEL", CategoryDetails.NONE, ISSUED, LocalDate.of(2026, 12, 31),
                residency, false);
    }

    private static Qualification bloodDonor(long id, int ml, Residency residency) {
        return new Qualification(id, "BLOOD_DONOR", new CategoryDetails(null, ml, null, null, null), ISSUED,
                LocalDate.of(2026, 12, 31), residency, false);
    }

    private Decision decide(LocalDate date, String idNumber, List<Qualification> entries,
                            List<ConcessionHolding> concessions) {
        return rules.decide(date, idNumber, entries, concessions, List.of(POLICY), NineCategories.lookup());
    }

    private Decision decide(String idNumber, Qualification... entries) {
        return decide(TODAY, idNumber, List.of(entries), List.of());
    }

    private static Reason onlyReason(Decision d, String code) {
        List<Reason> found = d.reasons().stream().filter(r -> r.code().equals(code)).toList();
        assertEquals(1, found.size(), () -> code + " in " + d.reasons());
        return found.get(0);
    }

    @Test
    void aQualifyingResidentGetsHalfFare() {
        Decision d = decide(SHANWEI_ID, moralModel(7, Residency.HOUSEHOLD));
        assertTrue(d.eligible());
        assertEquals(ConcessionType.XINYIXING, d.concession());
        assertEquals(5000, d.rateBasisPoints());
        assertSame(POLICY, d.policy());
        assertEquals(List.of(Reason.QUALIFIED), d.reasonCodes());
        assertEquals(7L, d.reasons().get(0).entryId());
    }

    @Test
    void twoEntriesOneFailingOnePassingIsEligibleWithBothReasons() {
        Decision d = decide(SHANWEI_ID, bloodDonor(1, 3999, Residency.HOUSEHOLD), moralModel(2, Residency.HOUSEHOLD));
        assertTrue(d.eligible());
        assertEquals(List.of(Reason.BELOW_THRESHOLD, Reason.QUALIFIED), d.reasonCodes());
        Reason below = d.reasons().get(0);
        assertEquals(1L, below.entryId());
        assertEquals("献血量 3999 毫升，未达 4000 毫升 / Blood donated 3999 ml, below 4000 ml", below.message());
        assertEquals(2L, d.reasons().get(1).entryId());
    }

    @Test
    void theEntitlementEndsWithTheLastQualifyingEntry() {
        Qualification shortOne = new Qualification(1, "MORAL_MODEL", CategoryDetails.NONE, ISSUED,
                LocalDate.of(2026, 8, 31), Residency.HOUSEHOLD, false);
        Qualification longOne = new Qualification(2, "MORAL_MODEL", CategoryDetails.NONE, ISSUED,
                LocalDate.of(2026, 10, 31), Residency.HOUSEHOLD, false);
        Qualification below = new Qualification(3, "BLOOD_DONOR", new CategoryDetails(null, 100, null, null, null),
                ISSUED, LocalDate.of(2027, 6, 30), Residency.HOUSEHOLD, false);
        assertEquals(LocalDate.of(2026, 10, 31), decide(SHANWEI_ID, shortOne, longOne, below).entitlementEnds(),
                "an entry that does not qualify does not extend the entitlement");
    }

    @Test
    void theEntitlementNeverOutlastsThePolicy() {
        Qualification beyond = new Qualification(1, "MORAL_MODEL", CategoryDetails.NONE, ISSUED,
                LocalDate.of(2030, 12, 31), Residency.HOUSEHOLD, false);
        assertEquals(POLICY.expiresOn(), decide(SHANWEI_ID, beyond).entitlementEnds());
    }

    @Test
    void noQualifyingEntryIsNotEligible() {
        Decision d = decide(SHANWEI_ID, bloodDonor(1, 3999, Residency.HOUSEHOLD));
        assertFalse(d.eligible());
        assertNull(d.concession());
        assertEquals(0, d.rateBasisPoints());
        assertEquals(List.of(Reason.BELOW_THRESHOLD, Reason.NO_QUALIFYING_ENTRY), d.reasonCodes());
    }

    @Test
    void noEntriesAtAllIsNotEligible() {
        Decision d = decide(SHANWEI_ID);
        assertFalse(d.eligible());
        assertEquals(List.of(Reason.NO_QUALIFYING_ENTRY), d.reasonCodes());
    }

    @Test
    void missingFigureIsReportedForTheEntry() {
        Qualification noFigure = new Qualification(4, "CHARITY_DONOR", null, ISSUED, LocalDate.of(2026, 12, 31),
                Residency.HOUSEHOLD, false);
        Decision d = decide(SHANWEI_ID, noFigure);
        assertFalse(d.eligible());
        assertEquals(4L, onlyReason(d, Reason.FIGURE_MISSING).entryId());
    }

    @Test
    void unknownCategoryDoesNotQualify() {
        Qualification unknown = new Qualification(5, "SPACE_HERO", CategoryDetails.NONE, ISSUED,
                LocalDate.of(2026, 12, 31), Residency.HOUSEHOLD, false);
        Decision d = decide(SHANWEI_ID, unknown);
        assertFalse(d.eligible());
        Reason r = onlyReason(d, Reason.CATEGORY_UNKNOWN);
        assertEquals(5L, r.entryId());
        assertTrue(r.message().contains("SPACE_HERO"));
    }

    @Test
    void aCategoryAddedAsDataQualifiesWithoutCodeChanges() {
        CategoryRule organDonor = new CategoryRule("ORGAN_DONOR", "器官捐献者", "Organ donor", RuleKind.RECOGNISED,
                null, null);
        Qualification entry = new Qualification(6, "ORGAN_DONOR", CategoryDetails.NONE, ISSUED,
                LocalDate.of(2026, 12, 31), Residency.HABITUAL, false);
        Decision d = rules.decide(TODAY, GUANGZHOU_ID, List.of(entry), List.of(), List.of(POLICY),
                code -> code.equals("ORGAN_DONOR") ? java.util.Optional.of(organDonor) : java.util.Optional.empty());
        assertTrue(d.eligible());
    }

    @Test
    void allFailuresAreReportedTogether() {
        // no policy, another concession, nothing qualifying and not resident: everything is shown
        Decision d = decide(LocalDate.of(2030, 1, 1), GUANGZHOU_ID, List.of(bloodDonor(1, 100, null)),
                List.of(new ConcessionHolding(ConcessionType.STUDENT, ISSUED, null, "S")));
        assertEquals(List.of(Reason.POLICY_NOT_IN_FORCE, Reason.OTHER_CONCESSION, Reason.ENTRY_EXPIRED,
                Reason.NO_QUALIFYING_ENTRY, Reason.NOT_RESIDENT), d.reasonCodes());
        assertFalse(d.eligible());
        assertEquals(ConcessionType.STUDENT, d.concession());
        assertNull(d.policy());
    }

    @Nested
    class Residency_R3 {

        @Test
        void platformHouseholdOverridesAForeignIdNumber() {
            Decision d = decide(GUANGZHOU_ID, moralModel(1, Residency.HOUSEHOLD));
            assertTrue(d.eligible());
            assertEquals(ResidencyEvidence.PLATFORM_RESIDENCY, d.residencyEvidence());
        }

        @Test
        void platformHabitualCountsAsResident() {
            Decision d = decide(GUANGZHOU_ID, moralModel(1, Residency.HABITUAL));
            assertTrue(d.eligible());
            assertEquals(ResidencyEvidence.PLATFORM_RESIDENCY, d.residencyEvidence());
        }

        @Test
        void platformOtherOverridesAShanweiIdNumber() {
            Decision d = decide(SHANWEI_ID, moralModel(1, Residency.OTHER));
            assertFalse(d.eligible());
            assertNull(d.concession());
            assertEquals(ResidencyEvidence.PLATFORM_RESIDENCY, d.residencyEvidence());
            assertNull(onlyReason(d, Reason.NOT_RESIDENT).entryId());
        }

        @Test
        void noResidencyAndAShanweiIdNumberIsResidentByRegionCode() {
            Decision d = decide(SHANWEI_ID, moralModel(1, null));
            assertTrue(d.eligible());
            assertEquals(ResidencyEvidence.ID_REGION_CODE, d.residencyEvidence());
        }

        @Test
        void noResidencyAndAGuangzhouIdNumberIsNotResident() {
            Decision d = decide("440102199001011234", moralModel(1, null));
            assertFalse(d.eligible());
            assertEquals(ResidencyEvidence.ID_REGION_CODE, d.residencyEvidence());
            assertTrue(onlyReason(d, Reason.NOT_RESIDENT).message().contains("4401"));
        }

        @Test
        void noResidencyAndNoIdNumberIsNotResident() {
            Decision d = decide(null, moralModel(1, null));
            assertFalse(d.eligible());
            assertEquals(ResidencyEvidence.ID_REGION_CODE, d.residencyEvidence());
            onlyReason(d, Reason.NOT_RESIDENT);
        }

        @Test
        void anyHouseholdOrHabitualEntryOutweighsOther() {
            Decision d = decide(GUANGZHOU_ID, moralModel(1, Residency.OTHER), bloodDonor(2, 4000, Residency.HABITUAL));
            assertTrue(d.eligible());
            assertEquals(ResidencyEvidence.PLATFORM_RESIDENCY, d.residencyEvidence());
        }

        @Test
        void unknownEntriesDoNotOverrideAKnownOther() {
            Decision d = decide(SHANWEI_ID, moralModel(1, Residency.OTHER), bloodDonor(2, 4000, null));
            assertFalse(d.eligible());
            assertEquals(ResidencyEvidence.PLATFORM_RESIDENCY, d.residencyEvidence());
        }

        @Test
        void aRevokedEntrysResidencyIsNotBelieved() {
            Qualification revoked = new Qualification(1, "MORAL_MODEL", CategoryDetails.NONE, ISSUED,
                    LocalDate.of(2026, 12, 31), Residency.HOUSEHOLD, true);
            Decision d = decide(GUANGZHOU_ID, revoked, bloodDonor(2, 4000, null));
            assertFalse(d.eligible());
            assertEquals(ResidencyEvidence.ID_REGION_CODE, d.residencyEvidence());
        }
    }

    @Nested
    class NoStacking_R4 {

        @Test
        void anElderlyHolderCarriesTheElderlyConcessionInstead() {
            Decision d = decide(TODAY, SHANWEI_ID, List.of(moralModel(1, Residency.HOUSEHOLD)),
                    List.of(new ConcessionHolding(ConcessionType.ELDERLY, LocalDate.of(2020, 5, 1), null, "02")));
            assertFalse(d.eligible());
            assertEquals(ConcessionType.ELDERLY, d.concession());
            assertEquals(0, d.rateBasisPoints());
            assertTrue(onlyReason(d, Reason.OTHER_CONCESSION).message().contains("老年人"));
            // the entry is still reported as qualifying, so the citizen sees why the discount is absent
            onlyReason(d, Reason.QUALIFIED);
        }

        @Test
        void anExpiredHoldingNoLongerExcludes() {
            Decision d = decide(TODAY, SHANWEI_ID, List.of(moralModel(1, Residency.HOUSEHOLD)),
                    List.of(new ConcessionHolding(ConcessionType.STUDENT, LocalDate.of(2020, 9, 1),
                            TODAY.minusDays(1), "03")));
            assertTrue(d.eligible());
            assertEquals(ConcessionType.XINYIXING, d.concession());
        }

        @Test
        void aHoldingNotYetStartedDoesNotExclude() {
            Decision d = decide(TODAY, SHANWEI_ID, List.of(moralModel(1, Residency.HOUSEHOLD)),
                    List.of(new ConcessionHolding(ConcessionType.DISABLED_PERSON, TODAY.plusDays(1), null, "04")));
            assertTrue(d.eligible());
        }

        @Test
        void aHoldingOnItsLastDayStillExcludes() {
            Decision d = decide(TODAY, SHANWEI_ID, List.of(moralModel(1, Residency.HOUSEHOLD)),
                    List.of(new ConcessionHolding(ConcessionType.ACTIVE_SERVICEMAN, ISSUED, TODAY, "05")));
            assertFalse(d.eligible());
            assertEquals(ConcessionType.ACTIVE_SERVICEMAN, d.concession());
        }

        @Test
        void severalHoldingsStillGiveOneConcessionPerRide() {
            Decision d = decide(TODAY, SHANWEI_ID, List.of(moralModel(1, Residency.HOUSEHOLD)), List.of(
                    new ConcessionHolding(ConcessionType.DISABLED_PERSON, ISSUED, null, "04"),
                    new ConcessionHolding(ConcessionType.ELDERLY, ISSUED, null, "02"),
                    new ConcessionHolding(ConcessionType.ELDERLY, ISSUED, null, "02")));
            assertEquals(ConcessionType.ELDERLY, d.concession());
            assertEquals(2, d.reasonCodes().stream().filter(Reason.OTHER_CONCESSION::equals).count());
        }

        @Test
        void aXinyixingAccountTypeIsNotAnotherConcession() {
            Decision d = decide(TODAY, SHANWEI_ID, List.of(moralModel(1, Residency.HOUSEHOLD)),
                    List.of(new ConcessionHolding(ConcessionType.XINYIXING, ISSUED, null, "09")));
            assertTrue(d.eligible());
        }
    }

    @Nested
    class PolicyWindow_R17 {

        private Decision on(LocalDate date, List<PolicyVersion> policies) {
            Qualification always = new Qualification(1, "MORAL_MODEL", CategoryDetails.NONE,
                    LocalDate.of(2020, 1, 1), LocalDate.of(2035, 12, 31), Residency.HOUSEHOLD, false);
            return rules.decide(date, SHANWEI_ID, List.of(always), List.of(), policies, NineCategories.lookup());
        }

        @Test
        void dayBeforeEffectiveFromIsNotInForce() {
            Decision d = on(LocalDate.of(2025, 12, 31), List.of(POLICY));
            assertFalse(d.eligible());
            assertNull(d.policy());
            assertNull(d.concession());
            onlyReason(d, Reason.POLICY_NOT_IN_FORCE);
        }

        @Test
        void effectiveFromIsInForce() {
            assertTrue(on(LocalDate.of(2026, 1, 1), List.of(POLICY)).eligible());
        }

        @Test
        void expiresOnIsInForce() {
            assertTrue(on(LocalDate.of(2027, 12, 31), List.of(POLICY)).eligible());
        }

        @Test
        void dayAfterExpiresOnIsNotInForce() {
            Decision d = on(LocalDate.of(2028, 1, 1), List.of(POLICY));
            assertFalse(d.eligible());
            onlyReason(d, Reason.POLICY_NOT_IN_FORCE);
        }

        @Test
        void noPolicyAtAllIsNotInForce() {
            assertFalse(on(TODAY, List.of()).eligible());
        }

        @Test
        void overlappingVersionsTheLatestEffectiveFromGoverns() {
            PolicyVersion amended = PolicyVersion.issued(LocalDate.of(2026, 7, 1), 6000);
            assertEquals(5000, on(LocalDate.of(2026, 6, 30), List.of(amended, POLICY)).rateBasisPoints());
            Decision after = on(LocalDate.of(2026, 7, 1), List.of(POLICY, amended));
            assertEquals(6000, after.rateBasisPoints());
            assertSame(amended, after.policy());
        }
    }

    @Nested
    class EntryValidity {

        private Decision on(LocalDate date, boolean revoked) {
            Qualification entry = new Qualification(9, "MORAL_MODEL", CategoryDetails.NONE,
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 8, 31), Residency.HOUSEHOLD, revoked);
            return decide(date, SHANWEI_ID, List.of(entry), List.of());
        }

        @Test
        void dayBeforeValidFromIsNotYetValid() {
            Decision d = on(LocalDate.of(2026, 2, 28), false);
            assertFalse(d.eligible());
            Reason r = onlyReason(d, Reason.ENTRY_NOT_YET_VALID);
            assertEquals(9L, r.entryId());
            assertTrue(r.message().contains("2026-03-01"));
        }

        @Test
        void validFromAndValidToAreBothIncluded() {
            assertTrue(on(LocalDate.of(2026, 3, 1), false).eligible());
            assertTrue(on(LocalDate.of(2026, 8, 31), false).eligible());
        }

        @Test
        void dayAfterValidToHasExpired() {
            Decision d = on(LocalDate.of(2026, 9, 1), false);
            assertFalse(d.eligible());
            assertTrue(onlyReason(d, Reason.ENTRY_EXPIRED).message().contains("2026-08-31"));
        }

        @Test
        void aRevokedEntryDoesNotCountEvenWithinItsDates() {
            Decision d = on(LocalDate.of(2026, 6, 1), true);
            assertFalse(d.eligible());
            assertEquals(9L, onlyReason(d, Reason.ENTRY_REVOKED).entryId());
            assertFalse(d.reasonCodes().contains(Reason.QUALIFIED));
        }
    }
}
