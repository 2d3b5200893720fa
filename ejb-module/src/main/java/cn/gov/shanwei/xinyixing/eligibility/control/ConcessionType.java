package cn.gov.shanwei.xinyixing.eligibility.control;

/**
 * The concession a bus ride can carry. The plan (R4) names the groups whose existing bus concession
 * excludes 信易行; a ride carries at most one concession, so they are one type. Declaration order
 * decides which concession a ride carries when someone holds several.
 */
public enum ConcessionType {
    XINYIXING("信易行信用优惠", "Xinyixing credit discount"),
    ELDERLY("老年人", "Elderly"),
    ACTIVE_SERVICEMAN("现役军人", "Active serviceman"),
    DISABLED_SERVICEMAN("残疾军人", "Disabled serviceman"),
    POLICE_DISABLED_ON_DUTY("因公致残的人民警察", "Police officer disabled on duty"),
    DISABLED_PERSON("残疾人", "Disabled person"),
    SPECIAL_CARE("其他享受国家定期抚恤补助的优抚对象", "Other state pension or special-care recipient"),
    STUDENT("市属和市城区属中小学生", "Municipal primary or secondary school student");

    private final String nameZh;
    private final String nameEn;

    ConcessionType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Whether holding this concession rules out the 信易行 discount (every one but 信易行 itself). */
    public boolean excludesXinyixing() {
        return this != XINYIXING;
    }
}
