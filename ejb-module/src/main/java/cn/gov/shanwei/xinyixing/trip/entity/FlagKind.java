package cn.gov.shanwei.xinyixing.trip.entity;

/**
 * What made a trip look wrong (R15). A flag is evidence for a reviewer, not a verdict: a flagged trip
 * stays stored, and whether it is subsidised is decided with the flags in view.
 */
public enum FlagKind {
    /** One code scanned on two validators. */
    SHARED_CODE("同一乘车码在两台验票机使用 / One code scanned on two validators"),
    /** One account on two buses closer in time than one person can ride. */
    IMPOSSIBLE_JOURNEY("同一账户短时间内乘坐两辆车 / One account on two buses impossibly close in time"),
    /** Ridden outside the route's service hours. */
    OUTSIDE_SERVICE_HOURS("线路运营时间外乘车 / Ridden outside the route's service hours"),
    /** A device skipped serials. */
    SERIAL_GAP("设备交易序号不连续 / The device skipped transaction serials"),
    /** A device's serials went backwards in time. */
    SERIAL_BACKWARDS("设备交易序号与时间倒序 / The device's serials go backwards in time"),
    /** A device re-sent a serial with different content. */
    CONFLICTING_REUSE("交易序号重复使用且内容不同 / A serial re-sent with different content"),
    /** The validator accepted a code the server refuses. */
    VERDICT_MISMATCH("验票机放行但服务器复核不通过 / The validator accepted a code the server refuses"),
    /** A company's daily volume far from its own history. */
    COMPANY_VOLUME("企业日客流明显偏离历史水平 / A company's daily volume is far from its history");

    private final String message;

    FlagKind(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
