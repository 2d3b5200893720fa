package cn.gov.shanwei.xinyixing.settlement.boundary;

/** Why a settlement request was refused: a stable code, an HTTP status and a message for staff. */
public enum SettlementProblem {
    YEAR_OUT_OF_RANGE(422, "年度不在政策期内或尚未结束 / The year is outside the policy or has not begun"),
    RUN_UNFINISHED(409, "该年度有未完成的结算，请先继续或等待其完成 / A run of this year is unfinished: resume it or let it finish"),
    REASON_REQUIRED(422, "重新结算须说明原因 / A new version of a settled year needs a reason"),
    RUN_UNKNOWN(404, "没有该结算版本 / No such settlement run"),
    NOT_RESUMABLE(409, "该结算版本无法继续（已完成或正在运行） / The run is complete or still running"),
    NOT_RUNNING(409, "该结算版本未在运行 / The run is not running"),
    NOT_SEALED(409, "该结算版本尚未封存 / The run has no sealed package yet"),
    FILE_UNKNOWN(404, "结算包中没有该文件 / The package has no such file"),
    DAY_OUT_OF_RANGE(422, "日期不能晚于今天 / The day cannot be after today"),
    DAY_NOT_ENDED(422, "当日尚未结束，没有账单 / The day has not ended: it has no bill yet"),
    NOT_RECONCILED(404, "该日尚未对账 / The day has not been reconciled");

    private final int status;
    private final String message;

    SettlementProblem(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
