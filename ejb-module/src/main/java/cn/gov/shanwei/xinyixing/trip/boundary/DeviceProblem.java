package cn.gov.shanwei.xinyixing.trip.boundary;

/**
 * Why a validator's request was not accepted as coming from a registered, enabled device: the stable
 * code the vendor's firmware branches on (all answered 401), and the message for the operator's
 * maintenance screen.
 */
public enum DeviceProblem {
    SIGNATURE_MISSING("请求缺少设备签名 / The request carries no device signature"),
    DEVICE_UNKNOWN("验票机未登记 / The validator is not registered"),
    DEVICE_DISABLED("验票机已停用 / The validator is disabled"),
    SIGNATURE_INVALID("设备签名无效 / The device signature is invalid"),
    CLOCK_SKEW("验票机时钟偏差过大，请校时 / The validator's clock is off by more than five minutes"),
    NONCE_REPLAYED("请求已被使用（重放） / The request was already used (replay)");

    private final String message;

    DeviceProblem(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
