package cn.gov.shanwei.xinyixing.redlist.entity;

/** A person's residency in Shanwei as the credit platform reports it (R3). */
public enum Residency {
    /** 户籍人口: household-registered in Shanwei. */
    HOUSEHOLD,
    /** 常住人口: habitual resident. */
    HABITUAL,
    /** Known to live elsewhere. */
    OTHER
}
