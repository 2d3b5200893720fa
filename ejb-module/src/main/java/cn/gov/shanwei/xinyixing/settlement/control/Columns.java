package cn.gov.shanwei.xinyixing.settlement.control;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The column headings of the package's files, Chinese with English beside them, the same in the CSV and the
 * workbook so that the two read alike.
 */
final class Columns {

    static final String TRIP = "行程编号 Trip id";
    static final String RIDDEN_AT = "乘车时间 Ridden at";
    static final String COMPANY = "公交企业 Company";
    static final String ROUTE = "线路 Route";
    static final String DEVICE = "车载机 Device";
    static final String ACCOUNT = "支付账户（脱敏） Account (masked)";
    static final String CONCESSION = "优惠类别 Concession";
    static final String RULE_VERSION = "规则版本 Rule version";
    static final String ORIGINAL = "原价（元） Original (yuan)";
    static final String CHARGED = "实收（元） Charged (yuan)";
    static final String DISCOUNT = "优惠即补贴（元） Discount = subsidy (yuan)";
    static final String MONTH = "月份 Month";
    static final String OUTCOME = "结果 Outcome";
    static final String REASON = "原因 Reason";
    static final String RIDES = "乘次 Rides";

    static final List<String> DETAIL = List.of(TRIP, RIDDEN_AT, COMPANY, ROUTE, DEVICE, ACCOUNT, CONCESSION,
            RULE_VERSION, ORIGINAL, CHARGED, DISCOUNT);

    static final List<String> SUMMARY = List.of(COMPANY, MONTH, ROUTE, OUTCOME, REASON, RIDES, ORIGINAL, CHARGED,
            DISCOUNT);

    /** Local time of the ride, to the second, as a person writes it. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Columns() {
    }
}
