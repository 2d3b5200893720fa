package cn.gov.shanwei.xinyixing.account.boundary;

/**
 * Why a citizen's request about their account, payment agreement or ride credential was refused:
 * the stable code a mini-program branches on, the HTTP status it arrives with, and the message
 * people read (Chinese first, then English).
 */
public enum AccountRefusal {
    NO_ACCOUNT(404, "尚未开通账户 / No open account"),
    ACCOUNT_EXISTS(409, "账户已开通 / The account is already open"),
    ACCOUNT_TYPE_UNKNOWN(422, "账户类型无效 / Unknown account type"),
    CONSENT_REQUIRED(422, "请阅读并同意最新版个人信息处理规则 / Consent to the current personal-information notice is required"),
    NOT_ELIGIBLE(422, "暂不符合“信易行”优惠条件 / Not eligible for Xinyixing today"),
    CONCURRENT_UPDATE(409, "账户正被同时修改，请重试 / The account was changed at the same moment; try again"),
    MALFORMED_REQUEST(400, "请求体缺失 / The request body is missing"),
    PUBLIC_KEY_INVALID(400, "公钥应为 33 字节的 SM2 压缩公钥 / The public key must be a 33-byte compressed SM2 key"),
    NO_CREDENTIAL(404, "尚未签发乘车授权 / No credential has been issued"),
    RIDE_KEYS_MISSING(503, "乘车码密钥未配置 / The ride-code keys are not configured"),
    AGREEMENT_EXISTS(422, "已签约免密支付 / The payment agreement is already signed"),
    NO_AGREEMENT(422, "没有生效的免密支付协议 / No payment agreement in force"),
    PAYMENT_AGREEMENT_REQUIRED(422, "请先签约免密支付 / Sign the password-free payment agreement first"),
    PAYMENT_BLOCKED(422, "支付账户冻结或欠费，乘车码暂停 / The payment account is frozen or in arrears"),
    PAYMENT_PLATFORM_UNAVAILABLE(422, "支付平台暂不可用 / The payment platform is unavailable"),
    ARREARS_OUTSTANDING(422, "有乘车扣款失败尚未补缴，乘车码暂停，补缴后恢复 / A ride's deduction failed and is unpaid; repay it to ride again"),
    NO_ARREARS(422, "没有需要补缴的欠费 / Nothing is owed");

    private final int status;
    private final String message;

    AccountRefusal(int status, String message) {
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
