package cn.gov.shanwei.xinyixing.eligibility.control;

/**
 * What settled the residency question (R3) in a decision. Recorded because the two sources differ
 * in weight: the platform's record is authoritative, the ID number is only a fallback.
 */
public enum ResidencyEvidence {
    /** The credit platform reported household (户籍) or habitual (常住) residency, or that neither applies. */
    PLATFORM_RESIDENCY,
    /**
     * The platform said nothing, so the ID number's region code was read (4415 = 汕尾市). It shows
     * where the number was first issued, not where the person lives now — hence only a fallback.
     */
    ID_REGION_CODE
}
