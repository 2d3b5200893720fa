package cn.gov.shanwei.xinyixing.redlist.entity;

/**
 * How a red-list category decides whether an entry qualifies (R2). The categories themselves are
 * data because the plan's list is open (包括但不限于); only the ways of testing them are code, so a new
 * category of an existing kind needs a database row, not a release.
 */
public enum RuleKind {
    /** Being on the list in this category suffices (道德模范, 造血干细胞捐献者). */
    RECOGNISED,
    /** The recognising body's level must reach the threshold, a {@code Level} ordinal (1 = 市级). */
    LEVEL_AT_LEAST,
    /** Cumulative blood donated, in millilitres, must reach the threshold (4000). */
    BLOOD_ML_AT_LEAST,
    /** Cumulative donation, in yuan, must reach the threshold (10000), compared exactly. */
    DONATION_YUAN_AT_LEAST,
    /** The volunteer star rating must reach the threshold (2). */
    VOLUNTEER_STARS_AT_LEAST,
    /** The tax credit grade must be one of the category's grades ("A"). */
    TAXPAYER_GRADE_IN;

    /** Whether a category of this kind needs a numeric threshold. */
    public boolean needsThreshold() {
        return this != RECOGNISED && this != TAXPAYER_GRADE_IN;
    }
}
