package cn.gov.shanwei.xinyixing.eligibility.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.RuleKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every R2 threshold at its boundary: "以上" includes the figure itself. */
class CategoryRuleTest {

    private static CategoryRule rule(String code) {
        return NineCategories.byCode(code).orElseThrow();
    }

    private static CategoryDetails level(Level level) {
        return new CategoryDetails(level, null, null, null, null);
    }

    private static CategoryDetails blood(Integer ml) {
        return new CategoryDetails(null, ml, null, null, null);
    }

    private static CategoryDetails donation(String yuan) {
        return new CategoryDetails(null, null, yuan == null ? null : new BigDecimal(yuan), null, null);
    }

    private static CategoryDetails stars(Integer stars) {
        return new CategoryDetails(null, null, null, stars, null);
    }

    private static CategoryDetails grade(String grade) {
        return new CategoryDetails(null, null, null, null, grade);
    }

    @Test
    void blood3999MlIsBelowAnd4000Qualifies() {
        RuleOutcome below = rule("BLOOD_DONOR").test(blood(3999));
        assertFalse(below.satisfied());
        assertEquals(Reason.BELOW_THRESHOLD, below.code());
        assertEquals("献血量 3999 毫升，未达 4000 毫升 / Blood donated 3999 ml, below 4000 ml", below.message());

        RuleOutcome at = rule("BLOOD_DONOR").test(blood(4000));
        assertTrue(at.satisfied());
        assertEquals(Reason.QUALIFIED, at.code());
    }

    @Test
    void donationComparesExactlyToTheFen() {
        CategoryRule charity = rule("CHARITY_DONOR");
        RuleOutcome below = charity.test(donation("9999.99"));
        assertFalse(below.satisfied());
        assertEquals(Reason.BELOW_THRESHOLD, below.code());
        assertTrue(below.message().contains("9999.99") && below.message().contains("10000"), below.message());

        assertTrue(charity.test(donation("10000")).satisfied());
        assertTrue(charity.test(donation("10000.00")).satisfied());
        assertTrue(charity.test(donation("10000.01")).satisfied());
    }

    @Test
    void thresholdStoredWithDecimalsStillComparesByValue() {
        // a DECIMAL(12,2) column hands back 10000.00; equals() would treat it as different from 10000
        CategoryRule fromDatabase = new CategoryRule("CHARITY_DONOR", "慈善捐赠", "Charity donor",
                RuleKind.DONATION_YUAN_AT_LEAST, new BigDecimal("10000.00"), null);
        assertTrue(fromDatabase.test(donation("10000")).satisfied());
        assertFalse(fromDatabase.test(donation("9999.99")).satisfied());
        assertTrue(fromDatabase.test(donation("9999.99")).message().contains("未达 10000 元"));
    }

    @Test
    void oneStarIsBelowAndTwoQualify() {
        RuleOutcome one = rule("VOLUNTEER_STARS").test(stars(1));
        assertEquals(Reason.BELOW_THRESHOLD, one.code());
        assertTrue(one.message().contains("1 星") && one.message().contains("2 星"), one.message());
        assertTrue(rule("VOLUNTEER_STARS").test(stars(2)).satisfied());
        assertTrue(rule("VOLUNTEER_STARS").test(stars(5)).satisfied());
    }

    @Test
    void countyLevelIsBelowAndMunicipalOrHigherQualifies() {
        for (String code : new String[] {"MODEL_WORKER", "HEROIC_DEED", "EXCELLENT_VOLUNTEER"}) {
            CategoryRule r = rule(code);
            RuleOutcome county = r.test(level(Level.COUNTY));
            assertEquals(Reason.BELOW_THRESHOLD, county.code(), code);
            assertTrue(county.message().contains("区县级") && county.message().contains("municipal"), county.message());
            assertTrue(r.test(level(Level.MUNICIPAL)).satisfied(), code);
            assertTrue(r.test(level(Level.PROVINCIAL)).satisfied(), code);
            assertTrue(r.test(level(Level.NATIONAL)).satisfied(), code);
        }
    }

    @Test
    void gradeBIsRefusedAndAQualifies() {
        RuleOutcome b = rule("TAXPAYER_A").test(grade("B"));
        assertEquals(Reason.BELOW_THRESHOLD, b.code());
        assertTrue(b.message().contains("B") && b.message().contains("A"), b.message());
        assertTrue(rule("TAXPAYER_A").test(grade("A")).satisfied());
        // platforms are not consistent about case or padding
        assertTrue(rule("TAXPAYER_A").test(grade(" a ")).satisfied());
        assertFalse(rule("TAXPAYER_A").test(grade("M")).satisfied());
    }

    @Test
    void aCategoryMayAcceptSeveralGrades() {
        CategoryRule ab = new CategoryRule("TAXPAYER_AB", "A、B级纳税人", "A or B taxpayer",
                RuleKind.TAXPAYER_GRADE_IN, null, "A, B");
        assertTrue(ab.test(grade("B")).satisfied());
        assertFalse(ab.test(grade("C")).satisfied());
    }

    @Test
    void missingFiguresAreReportedAsSuch() {
        CategoryDetails none = CategoryDetails.NONE;
        for (String code : new String[] {"MODEL_WORKER", "BLOOD_DONOR", "CHARITY_DONOR", "VOLUNTEER_STARS",
                "TAXPAYER_A"}) {
            RuleOutcome outcome = rule(code).test(none);
            assertFalse(outcome.satisfied(), code);
            assertEquals(Reason.FIGURE_MISSING, outcome.code(), code);
        }
        assertEquals(Reason.FIGURE_MISSING, rule("TAXPAYER_A").test(grade("  ")).code());
        assertEquals(Reason.FIGURE_MISSING, rule("BLOOD_DONOR").test(null).code());
    }

    @Test
    void aFigureOfAnotherCategoryDoesNotCount() {
        // a blood donor listed with only a donation amount has not shown the blood figure
        assertEquals(Reason.FIGURE_MISSING, rule("BLOOD_DONOR").test(donation("50000")).code());
    }

    @Test
    void recognisedCategoriesNeedNoFigure() {
        RuleOutcome moral = rule("MORAL_MODEL").test(CategoryDetails.NONE);
        assertTrue(moral.satisfied());
        assertEquals("符合“道德模范”条件 / Qualifies as Moral model", moral.message());
        assertTrue(rule("STEM_CELL_DONOR").test(null).satisfied());
    }

    @Test
    void untestableCategoriesAreRejectedWhenLoaded() {
        assertThrows(IllegalArgumentException.class,
                () -> new CategoryRule("X", "x", "x", RuleKind.BLOOD_ML_AT_LEAST, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new CategoryRule("X", "x", "x", RuleKind.LEVEL_AT_LEAST, new BigDecimal("4"), null));
        assertThrows(IllegalArgumentException.class,
                () -> new CategoryRule("X", "x", "x", RuleKind.LEVEL_AT_LEAST, new BigDecimal("1.5"), null));
        assertThrows(IllegalArgumentException.class,
                () -> new CategoryRule("X", "x", "x", RuleKind.TAXPAYER_GRADE_IN, null, " , "));
        assertThrows(NullPointerException.class,
                () -> new CategoryRule("X", "x", "x", null, null, null));
    }

    @Test
    void levelThresholdIsTheLevelOrdinal() {
        CategoryRule provincial = new CategoryRule("P", "省级劳模", "Provincial model worker",
                RuleKind.LEVEL_AT_LEAST, BigDecimal.valueOf(Level.PROVINCIAL.ordinal()), null);
        assertFalse(provincial.test(level(Level.MUNICIPAL)).satisfied());
        assertTrue(provincial.test(level(Level.PROVINCIAL)).satisfied());
    }
}
