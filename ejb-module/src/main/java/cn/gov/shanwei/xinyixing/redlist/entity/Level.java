package cn.gov.shanwei.xinyixing.redlist.entity;

/** The level of the body that recognised a person (劳模, 见义勇为, 优秀志愿者 …), lowest first. */
public enum Level {
    /** 区县级 */
    COUNTY,
    /** 市级 */
    MUNICIPAL,
    /** 省级 */
    PROVINCIAL,
    /** 国家级 */
    NATIONAL;

    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
