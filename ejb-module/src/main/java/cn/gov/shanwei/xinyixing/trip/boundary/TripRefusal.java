package cn.gov.shanwei.xinyixing.trip.boundary;

/**
 * Why a request about validators, the bus network or a trip was refused: the stable code, the HTTP
 * status it arrives with, and the message (Chinese first, then English). A refused ride code is not
 * among them: that is a trip with its {@code RideCodeReason}, answered 200.
 */
public enum TripRefusal {
    DEVICE_EXISTS(409, "验票机编号已登记 / A validator with this id is already registered"),
    DEVICE_ID_INVALID(422, "验票机编号应为 1–32 位字母、数字或连字符 / A validator id is 1–32 letters, digits or hyphens"),
    COMPANY_UNKNOWN(422, "公交企业不存在 / No such bus company"),
    ROUTE_UNKNOWN(422, "线路不存在 / No such route"),
    NOT_FOUND(404, "验票机不存在 / No such validator"),
    FARE_INVALID(422, "票价应为 1–10000 分 / A fare is 1 to 10000 fen"),
    FARE_DATE_INVALID(422, "新票价须晚于现行票价的起始日 / A new fare must start after the current one started"),
    NO_FARE(409, "本线路当日无票价，请联系运营方 / The route has no fare for today; call the operator"),
    NO_ROUTE(409, "验票机未配置线路 / The validator serves no route"),
    SERIAL_REUSED(409, "交易序号已用于另一笔记录 / The transaction serial was already used for a different record"),
    RIDE_KEYS_MISSING(503, "乘车码密钥未配置 / The ride-code keys are not configured");

    private final int status;
    private final String message;

    TripRefusal(int status, String message) {
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
