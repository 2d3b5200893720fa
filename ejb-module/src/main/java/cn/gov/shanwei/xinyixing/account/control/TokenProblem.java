package cn.gov.shanwei.xinyixing.account.control;

/** Why an identity token was refused; the code goes back to the mini-program as is. */
public enum TokenProblem {
    TOKEN_MISSING("缺少身份令牌", "The identity token is missing"),
    TOKEN_MALFORMED("身份令牌格式错误", "The identity token is malformed"),
    TOKEN_ALGORITHM_REFUSED("身份令牌的签名算法不被接受", "The identity token's algorithm is not accepted"),
    TOKEN_SIGNATURE_INVALID("身份令牌签名无效", "The identity token's signature is not valid"),
    TOKEN_EXPIRED("身份令牌已过期", "The identity token has expired"),
    TOKEN_NOT_YET_VALID("身份令牌尚未生效", "The identity token is not valid yet"),
    TOKEN_ISSUED_IN_FUTURE("身份令牌的签发时间在未来", "The identity token claims to be issued in the future"),
    TOKEN_TOO_OLD("身份令牌签发过久，请重新登录", "The identity token was issued too long ago"),
    TOKEN_LIFETIME_TOO_LONG("身份令牌有效期过长", "The identity token is valid for longer than allowed"),
    TOKEN_WRONG_ISSUER("身份令牌签发方不符", "The identity token comes from another issuer"),
    TOKEN_WRONG_AUDIENCE("身份令牌不是签发给本系统的", "The identity token is meant for another system"),
    TOKEN_CLAIMS_MISSING("身份令牌缺少实名信息", "The identity token lacks the real-name claims"),
    IDENTITY_UNAVAILABLE("暂时无法验证身份", "The identity provider cannot be reached");

    private final String chinese;
    private final String english;

    TokenProblem(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String message() {
        return chinese + " / " + english;
    }
}
