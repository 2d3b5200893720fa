package cn.gov.shanwei.xinyixing.ridecode.control;

/**
 * Why a validator accepted or refused a ride code: one constant per failure, so that the trip record, the
 * validator display and the operator's statistics all say the same thing. The name is the stable code; the
 * messages are for the citizen and the driver. {@link #step()} is the validator check (1–8) that produces
 * the reason; checks run in that order and the first failure wins.
 */
public enum RideCodeReason {
    OK(0, "验证通过", "Valid"),
    MALFORMED(1, "乘车码格式错误", "The ride code is malformed"),
    CA_KEY_UNKNOWN(2, "未知的根公钥索引", "Unknown CA key index"),
    CERTIFICATE_INVALID(2, "发码机构证书无效", "Institution certificate is invalid"),
    CERTIFICATE_EXPIRED(2, "发码机构证书已过期", "Institution certificate has expired"),
    AUTHORISATION_INVALID(3, "发码机构授权签名无效", "Issuer authorisation signature is invalid"),
    AUTHORISATION_EXPIRED(3, "乘车码授权已过期，请联网刷新", "Authorisation has expired; go online to renew it"),
    USER_SIGNATURE_INVALID(4, "用户签名无效", "User signature is invalid"),
    NOT_YET_VALID(5, "乘车码生成时间晚于当前时间，请检查手机时间", "Code is dated in the future; check the phone's clock"),
    CODE_EXPIRED(5, "乘车码已失效，请刷新", "Code has expired; refresh it"),
    REVOKED(6, "账户或优惠资格已停用", "Account or entitlement is blacklisted"),
    REPLAYED(7, "乘车码已使用", "Code has already been used"),
    ENTITLEMENT_EXPIRED(8, "信易行优惠资格已过期", "Entitlement has expired"),
    AMOUNT_LIMIT_EXCEEDED(8, "车费超过授权的单笔限额", "The fare exceeds the authorisation's per-ride limit");

    private final int step;
    private final String messageZh;
    private final String messageEn;

    RideCodeReason(int step, String messageZh, String messageEn) {
        this.step = step;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    /** The validator check that yields this reason, 1–8; 0 for {@link #OK}. */
    public int step() {
        return step;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** "中文 / English", as the project shows every rejection. */
    public String message() {
        return messageZh + " / " + messageEn;
    }
}
