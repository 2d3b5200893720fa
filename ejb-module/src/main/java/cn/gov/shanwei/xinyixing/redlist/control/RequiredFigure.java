package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.RuleKind;

/**
 * Which figure of {@link CategoryDetails} a red-list category rests on (R2): blood donors need the millilitres,
 * charity donors the yuan, and so on. Intake only insists that the figure is there and not negative; whether it
 * reaches the category's threshold is an eligibility question answered elsewhere, because a person below it is
 * still rightly on the platform's list.
 */
public enum RequiredFigure {
    /** The category needs no figure (e.g. 道德模范, 造血干细胞捐献者). */
    NONE("无", "none"),
    LEVEL("认定级别", "level"),
    BLOOD_ML("累计献血量（毫升）", "blood donated (ml)"),
    DONATION_YUAN("累计捐赠金额（元）", "amount donated (yuan)"),
    VOLUNTEER_STARS("志愿者星级", "volunteer stars"),
    TAXPAYER_GRADE("纳税信用等级", "taxpayer grade");

    private final String chinese;
    private final String english;

    RequiredFigure(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** Whether the figure is there; a blank grade counts as absent. Null details have no figures. */
    public boolean presentIn(CategoryDetails details) {
        if (this == NONE) {
            return true;
        }
        if (details == null) {
            return false;
        }
        return switch (this) {
            case NONE -> true;
            case LEVEL -> details.level() != null;
            case BLOOD_ML -> details.bloodMl() != null;
            case DONATION_YUAN -> details.donationYuan() != null;
            case VOLUNTEER_STARS -> details.volunteerStars() != null;
            case TAXPAYER_GRADE -> details.taxpayerGrade() != null && !details.taxpayerGrade().isBlank();
        };
    }

    /** Whether the figure is a number below zero; only the counts and amounts can be. */
    public boolean negativeIn(CategoryDetails details) {
        if (details == null) {
            return false;
        }
        return switch (this) {
            case BLOOD_ML -> details.bloodMl() != null && details.bloodMl() < 0;
            case DONATION_YUAN -> details.donationYuan() != null && details.donationYuan().signum() < 0;
            case VOLUNTEER_STARS -> details.volunteerStars() != null && details.volunteerStars() < 0;
            case NONE, LEVEL, TAXPAYER_GRADE -> false;
        };
    }

    /** The figure a category's rule reads, by the rule kind stored with the category. */
    public static RequiredFigure forRuleKind(RuleKind ruleKind) {
        if (ruleKind == null) {
            return NONE;
        }
        return switch (ruleKind) {
            case LEVEL_AT_LEAST -> LEVEL;
            case BLOOD_ML_AT_LEAST -> BLOOD_ML;
            case DONATION_YUAN_AT_LEAST -> DONATION_YUAN;
            case VOLUNTEER_STARS_AT_LEAST -> VOLUNTEER_STARS;
            case TAXPAYER_GRADE_IN -> TAXPAYER_GRADE;
            case RECOGNISED -> NONE;
        };
    }
}
