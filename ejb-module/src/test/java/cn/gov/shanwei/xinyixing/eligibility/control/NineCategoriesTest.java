package cn.gov.shanwei.xinyixing.eligibility.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.entity.RuleKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NineCategoriesTest {

    /** The migration that seeds the category table; the build copies sql/ to db/migration. */
    private static final String SEED = "db/migration/V2026_11_26_05__red_list_intake.sql";

    /** ('CODE', 'name_zh', 'name_en', 'RULE_KIND', threshold, grades) */
    private static final Pattern ROW = Pattern.compile(
            "\\(\\s*'([A-Z_0-9]+)',\\s*'([^']*)',\\s*'([^']*)',\\s*'([A-Z_]+)',\\s*(NULL|[0-9.]+),\\s*(NULL|'[^']*')\\s*\\)");

    @Test
    void theNineCategoriesOfThePlanInOrder() {
        assertEquals(List.of("MODEL_WORKER", "HEROIC_DEED", "MORAL_MODEL", "STEM_CELL_DONOR", "BLOOD_DONOR",
                        "CHARITY_DONOR", "EXCELLENT_VOLUNTEER", "VOLUNTEER_STARS", "TAXPAYER_A"),
                NineCategories.ALL.stream().map(CategoryRule::code).toList());
    }

    @Test
    void thresholdsAreThoseOfThePlan() {
        assertRule("MODEL_WORKER", RuleKind.LEVEL_AT_LEAST, "1", null);
        assertRule("HEROIC_DEED", RuleKind.LEVEL_AT_LEAST, "1", null);
        assertRule("MORAL_MODEL", RuleKind.RECOGNISED, null, null);
        assertRule("STEM_CELL_DONOR", RuleKind.RECOGNISED, null, null);
        assertRule("BLOOD_DONOR", RuleKind.BLOOD_ML_AT_LEAST, "4000", null);
        assertRule("CHARITY_DONOR", RuleKind.DONATION_YUAN_AT_LEAST, "10000", null);
        assertRule("EXCELLENT_VOLUNTEER", RuleKind.LEVEL_AT_LEAST, "1", null);
        assertRule("VOLUNTEER_STARS", RuleKind.VOLUNTEER_STARS_AT_LEAST, "2", null);
        assertRule("TAXPAYER_A", RuleKind.TAXPAYER_GRADE_IN, null, "A");
    }

    @Test
    void lookupFindsKnownCodesOnly() {
        assertEquals("无偿献血累计4000毫升以上", NineCategories.lookup().apply("BLOOD_DONOR").orElseThrow().nameZh());
        assertTrue(NineCategories.lookup().apply("blood_donor").isEmpty());
        assertTrue(NineCategories.lookup().apply("NO_SUCH").isEmpty());
    }

    @Test
    void matchesTheRowsTheMigrationSeeds() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SEED)) {
            assertNotNull(in, SEED + " not on the test classpath");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<CategoryRule> seeded = new ArrayList<>();
        Matcher m = ROW.matcher(sql);
        while (m.find()) {
            seeded.add(new CategoryRule(m.group(1), m.group(2), m.group(3), RuleKind.valueOf(m.group(4)),
                    "NULL".equals(m.group(5)) ? null : new BigDecimal(m.group(5)),
                    "NULL".equals(m.group(6)) ? null : m.group(6).replace("'", "")));
        }
        assertEquals(NineCategories.ALL, seeded);
    }

    private static void assertRule(String code, RuleKind kind, String threshold, String grades) {
        CategoryRule rule = NineCategories.byCode(code).orElseThrow();
        assertEquals(kind, rule.kind(), code);
        assertEquals(threshold == null ? null : new BigDecimal(threshold), rule.threshold(), code);
        assertEquals(grades, rule.grades(), code);
    }
}
