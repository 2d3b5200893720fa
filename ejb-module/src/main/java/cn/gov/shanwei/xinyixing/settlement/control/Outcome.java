package cn.gov.shanwei.xinyixing.settlement.control;

/**
 * What a trip counts as for the city's money: the subsidy rule. The rule itself is evaluated once, by
 * the database: the stored generated column {@code trip_record.outcome} (migration
 * {@code V2026_12_03_40__outcome_on_trip_row.sql}), read through the view {@code trip_outcome}, in the
 * order of these constants; this enum names its results and says them to people (the package's cover
 * sheet prints {@link #rule()}). Only {@link #SUBSIDISED} rides are claimed.
 */
public enum Outcome {
    REFUSED("未通过验码（在线或服务器复核） / The code failed verification (online or on the server's re-check)"),
    UNVERIFIED("脱机记录尚未复核 / An uploaded record not yet verified by the server"),
    UNPRICED("当日线路无票价 / The route had no fare on that day"),
    FLAGGED("存在异常标记，待欺诈审查 / A fraud flag names the trip; out until a fraud case clears it"),
    NO_CHARGE("无对应扣款（乘车码不属于本系统账户） / No charge: the code named no account of ours"),
    CHARGE_PENDING("扣款尚无最终结果 / The deduction has no final result yet"),
    SUBSIDISED("已复核、无异常、扣款成功或欠费追缴中 / Verified, not flagged, charge paid or in arrears being collected");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean subsidised() {
        return this == SUBSIDISED;
    }

    /** The whole rule, as shown in the package: each outcome in the order it is decided. */
    public static String rule() {
        StringBuilder text = new StringBuilder();
        for (Outcome outcome : values()) {
            text.append(outcome.ordinal() + 1).append(". ").append(outcome.name()).append(": ")
                    .append(outcome.description).append('\n');
        }
        return text.toString();
    }
}
