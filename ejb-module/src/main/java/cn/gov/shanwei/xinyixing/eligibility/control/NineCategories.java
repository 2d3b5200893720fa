package cn.gov.shanwei.xinyixing.eligibility.control;

import cn.gov.shanwei.xinyixing.redlist.entity.RuleKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The nine categories the plan names (R2), as the rows {@code V2026_11_26_05__red_list_intake.sql} seeds. The running system reads
 * categories from the database, since the plan's list is open; this copy exists so tests and
 * documentation state the plan's thresholds in one place and can be compared with the seed.
 */
public final class NineCategories {

    /** {@code Level.MUNICIPAL.ordinal()}: "市级以上" includes municipal. */
    private static final BigDecimal MUNICIPAL = BigDecimal.ONE;

    public static final List<CategoryRule> ALL = List.of(
            new CategoryRule("MODEL_WORKER", "市级以上劳模", "Model worker (municipal or higher)",
                    RuleKind.LEVEL_AT_LEAST, MUNICIPAL, null),
            new CategoryRule("HEROIC_DEED", "市级以上见义勇为", "Heroic deed (municipal or higher)",
                    RuleKind.LEVEL_AT_LEAST, MUNICIPAL, null),
            new CategoryRule("MORAL_MODEL", "道德模范", "Moral model",
                    RuleKind.RECOGNISED, null, null),
            new CategoryRule("STEM_CELL_DONOR", "造血干细胞捐献者", "Haematopoietic stem-cell donor",
                    RuleKind.RECOGNISED, null, null),
            new CategoryRule("BLOOD_DONOR", "无偿献血累计4000毫升以上", "Voluntary blood donor (4000 ml or more)",
                    RuleKind.BLOOD_ML_AT_LEAST, new BigDecimal("4000"), null),
            new CategoryRule("CHARITY_DONOR", "捐赠10000元以上慈善人士", "Charity donor (10000 yuan or more)",
                    RuleKind.DONATION_YUAN_AT_LEAST, new BigDecimal("10000"), null),
            new CategoryRule("EXCELLENT_VOLUNTEER", "市级以上优秀志愿者", "Excellent volunteer (municipal or higher)",
                    RuleKind.LEVEL_AT_LEAST, MUNICIPAL, null),
            new CategoryRule("VOLUNTEER_STARS", "二星或以上志愿者", "Volunteer with two stars or more",
                    RuleKind.VOLUNTEER_STARS_AT_LEAST, new BigDecimal("2"), null),
            new CategoryRule("TAXPAYER_A", "A级纳税人", "A-grade taxpayer",
                    RuleKind.TAXPAYER_GRADE_IN, null, "A"));

    private NineCategories() {
    }

    public static Optional<CategoryRule> byCode(String code) {
        return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The lookup {@link EligibilityRules#decide} expects, over these nine. */
    public static Function<String, Optional<CategoryRule>> lookup() {
        return NineCategories::byCode;
    }
}
