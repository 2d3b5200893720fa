package cn.gov.shanwei.xinyixing.platform.rest;

/** Regular expressions for {@code @Pattern} on request records, so that each format is spelled once. */
public final class RequestPatterns {

    /** Standard Base64 with padding, whole quanta only: text that matches always decodes. */
    public static final String BASE64 = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?";

    private RequestPatterns() {
    }
}
