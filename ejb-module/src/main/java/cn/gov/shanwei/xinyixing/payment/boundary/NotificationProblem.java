package cn.gov.shanwei.xinyixing.payment.boundary;

/**
 * Why a notification was not accepted at all (answered with an HTTP error, so an authentic but
 * broken sender sees it). Authentic, well-formed notifications are always acknowledged instead,
 * with a {@link cn.gov.shanwei.xinyixing.payment.entity.NotificationOutcome}.
 */
public enum NotificationProblem {
    SIGNATURE_INVALID(401, "通知签名无效", "The notification signature is not valid"),
    MALFORMED_NOTIFICATION(400, "通知格式错误", "The notification is malformed"),
    EVENT_ID_MISSING(400, "通知缺少事件编号", "The notification has no eventId"),
    EVENT_TIME_MISSING(400, "通知缺少或无法识别事件时间", "The notification has no valid eventTime"),
    UNKNOWN_EVENT(400, "未知的通知事件", "The notification's event is unknown"),
    EVENT_ID_REUSED(409, "事件编号已用于另一协议", "The eventId was already used for another agreement"),
    UNKNOWN_REQUEST(404, "未知的签约请求", "No agreement has this requestNo"),
    UNKNOWN_ORDER(404, "未知的扣款单号或补缴单号", "No deduction order has this outTradeNo, or no repayment this repaymentNo");

    private final int httpStatus;
    private final String chinese;
    private final String english;

    NotificationProblem(int httpStatus, String chinese, String english) {
        this.httpStatus = httpStatus;
        this.chinese = chinese;
        this.english = english;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return chinese + " / " + english;
    }
}
