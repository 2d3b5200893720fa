package cn.gov.shanwei.xinyixing.eligibility.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.RuleKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One qualifying red-list category (R2) as data: the plan lists nine "including but not limited
 * to" (包括但不限于), so the bureau must be able to add one without a code change. The rule compares
 * the entry's figures with the threshold; the plan's "以上" (4000 毫升以上, 10000 元以上, 二星或以上,
 * 市级以上) includes the threshold itself, hence "at least".
 *
 * @param code      stable key, as the credit platform sends it (BLOOD_DONOR)
 * @param nameZh    name shown to citizens (无偿献血)
 * @param nameEn    English name
 * @param kind      how entries are tested
 * @param threshold the figure to reach; for {@link RuleKind#LEVEL_AT_LEAST} a {@link Level} ordinal
 *                  (1 = 市级); {@code null} for kinds without one
 * @param grades    for {@link RuleKind#TAXPAYER_GRADE_IN}, the accepted grades separated by commas ("A")
 */
public record CategoryRule(String code, String nameZh, String nameEn, RuleKind kind, BigDecimal threshold,
                           String grades) {

    public CategoryRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(kind, "kind");
        // A category row that cannot be tested must fail when loaded, not silently refuse every citizen.
        if (kind.needsThreshold() && threshold == null) {
            throw new IllegalArgumentException(code + ": " + kind + " needs a threshold");
        }
        if (kind == RuleKind.LEVEL_AT_LEAST) {
            levelThreshold(code, threshold);
        }
        if (kind == RuleKind.TAXPAYER_GRADE_IN && parseGrades(grades).isEmpty()) {
            throw new IllegalArgumentException(code + ": " + kind + " needs at least one grade");
        }
    }

    /** Whether the figures of one entry in this category qualify, or the reason they do not. */
    public RuleOutcome test(CategoryDetails details) {
        CategoryDetails d = details == null ? CategoryDetails.NONE : details;
        return switch (kind) {
            case RECOGNISED -> qualified();
            case LEVEL_AT_LEAST -> testLevel(d.level());
            case BLOOD_ML_AT_LEAST -> testBlood(d.bloodMl());
            case DONATION_YUAN_AT_LEAST -> testDonation(d.donationYuan());
            case VOLUNTEER_STARS_AT_LEAST -> testStars(d.volunteerStars());
            case TAXPAYER_GRADE_IN -> testGrade(d.taxpayerGrade());
        };
    }

    private RuleOutcome testLevel(Level level) {
        Level required = levelThreshold(code, threshold);
        if (level == null) {
            return RuleOutcome.figureMissing("缺少认定级别 / Level of recognition missing");
        }
        if (level.atLeast(required)) {
            return qualified();
        }
        return RuleOutcome.belowThreshold("认定级别为" + zh(level) + "，未达" + zh(required)
                + " / Recognised at " + en(level) + " level, below " + en(required) + " level");
    }

    private RuleOutcome testBlood(Integer ml) {
        if (ml == null) {
            return RuleOutcome.figureMissing("缺少累计献血量 / Cumulative blood donation missing");
        }
        if (BigDecimal.valueOf(ml).compareTo(threshold) >= 0) {
            return qualified();
        }
        String t = plain(threshold);
        return RuleOutcome.belowThreshold("献血量 " + ml + " 毫升，未达 " + t + " 毫升 / Blood donated "
                + ml + " ml, below " + t + " ml");
    }

    private RuleOutcome testDonation(BigDecimal yuan) {
        if (yuan == null) {
            return RuleOutcome.figureMissing("缺少累计捐赠金额 / Cumulative donation missing");
        }
        // compareTo, not equals: 10000.00 and 10000 are the same amount.
        if (yuan.compareTo(threshold) >= 0) {
            return qualified();
        }
        String t = plain(threshold);
        return RuleOutcome.belowThreshold("捐赠 " + yuan.toPlainString() + " 元，未达 " + t + " 元 / Donated "
                + yuan.toPlainString() + " yuan, below " + t + " yuan");
    }

    private RuleOutcome testStars(Integer stars) {
        if (stars == null) {
            return RuleOutcome.figureMissing("缺少志愿者星级 / Volunteer star rating missing");
        }
        if (BigDecimal.valueOf(stars).compareTo(threshold) >= 0) {
            return qualified();
        }
        String t = plain(threshold);
        return RuleOutcome.belowThreshold("志愿者星级 " + stars + " 星，未达 " + t + " 星 / Volunteer rating "
                + stars + " stars, below " + t + " stars");
    }

    private RuleOutcome testGrade(String grade) {
        if (grade == null || grade.isBlank()) {
            return RuleOutcome.figureMissing("缺少纳税信用等级 / Taxpayer credit grade missing");
        }
        String normalised = grade.trim().toUpperCase(Locale.ROOT);
        if (parseGrades(grades).contains(normalised)) {
            return qualified();
        }
        String accepted = String.join("、", parseGrades(grades).stream().sorted().toList());
        return RuleOutcome.belowThreshold("纳税信用等级 " + normalised + "，不属于 " + accepted
                + " / Taxpayer grade " + normalised + ", not among " + accepted.replace("、", ", "));
    }

    private RuleOutcome qualified() {
        return RuleOutcome.qualified("符合“" + nameZh + "”条件 / Qualifies as " + nameEn);
    }

    private static Level levelThreshold(String code, BigDecimal threshold) {
        try {
            int ordinal = threshold.intValueExact();
            if (ordinal >= 0 && ordinal < Level.values().length) {
                return Level.values()[ordinal];
            }
        } catch (ArithmeticException notAWholeNumber) {
            // reported below with the category code
        }
        throw new IllegalArgumentException(code + ": level threshold " + threshold + " is not a Level ordinal");
    }

    private static Set<String> parseGrades(String grades) {
        if (grades == null) {
            return Set.of();
        }
        return Arrays.stream(grades.split(","))
                .map(g -> g.trim().toUpperCase(Locale.ROOT))
                .filter(g -> !g.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 4000 rather than 4000.00 or 4E+3 in messages. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String zh(Level level) {
        return switch (level) {
            case COUNTY -> "区县级";
            case MUNICIPAL -> "市级";
            case PROVINCIAL -> "省级";
            case NATIONAL -> "国家级";
        };
    }

    private static String en(Level level) {
        return switch (level) {
            case COUNTY -> "county";
            case MUNICIPAL -> "municipal";
            case PROVINCIAL -> "provincial";
            case NATIONAL -> "national";
        };
    }
}
