package cn.gov.shanwei.xinyixing.redlist.control;

/** Which part of a resident ID number is wrong, so a rejection can tell the platform what to look at. */
public enum IdNumberProblem {
    /** Not 17 digits followed by a digit or X. */
    FORMAT,
    /** The ISO 7064 MOD 11-2 check character does not match: usually a mistyped digit. */
    CHECK_DIGIT,
    /** The birth date is not a real date, is in the future or is before 1900. */
    BIRTH_DATE,
    /** The first two digits are not a province-level region. */
    REGION
}
