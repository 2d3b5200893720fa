package cn.gov.shanwei.xinyixing.platform.rest;

/**
 * What can be wrong with a request before any business rule looks at it, each with its status and a
 * message (Chinese first, then English). The names are the stable codes clients branch on.
 */
public enum RequestProblem {
    /** Not JSON, JSON of the wrong shape (an array for an object), a field of the wrong type, no body. */
    MALFORMED_REQUEST(400, "请求格式错误 / The request is malformed"),
    /** Well-formed, but a field is missing, too long or out of range; the fields are listed. */
    REQUEST_INVALID(400, "请求内容不符合要求 / The request is not valid"),
    /** A query or path parameter that is not of its type (a word where a number belongs). */
    PARAMETER_INVALID(400, "请求参数错误 / A request parameter is not valid"),
    /** Signed in, but the role may not do this: the boundary itself refused (the page may not have known). */
    ROLE_FORBIDDEN(403, "您的角色无权执行此操作 / Your role may not do this"),
    /** More bytes than the endpoint accepts, by Content-Length or as counted while reading. */
    BODY_TOO_LARGE(413, "请求体过大 / The request body is too large"),
    /** The database cannot be reached for a moment; the answer says when to try again. */
    SERVICE_UNAVAILABLE(503, "服务暂时不可用，请稍后重试 / The service is briefly unavailable; try again shortly");

    private final int status;
    private final String message;

    RequestProblem(int status, String message) {
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
