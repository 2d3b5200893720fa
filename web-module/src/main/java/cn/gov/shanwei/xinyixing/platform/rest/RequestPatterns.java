package cn.gov.shanwei.xinyixing.platform.rest;

/**
 * Regular expressions for {@code @Pattern} on request records, so that each format is spelled once.
 *
 * <p>Formats and lengths of record components are patterns (and ranges {@link Between}) rather than
 * {@code @Size}/{@code @Min}: Java copies a record component's annotations onto the canonical
 * constructor's parameters, and Payara's OpenAPI generator fails on those standard constraints on
 * any method parameter that is not a path parameter.
 */
public final class RequestPatterns {

    /** Standard Base64 with padding, whole quanta only: text that matches always decodes. */
    public static final String BASE64 = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?";

    /** A code or version of up to 16 characters ({@code 2026-11}, {@code 03}). */
    public static final String TOKEN_16 = "[A-Za-z0-9_.-]{1,16}";

    /** A code of up to 32 characters ({@code XINYIXING}, {@code ELDERLY}). */
    public static final String TOKEN_32 = "[A-Za-z0-9_.-]{1,32}";

    /**
     * Shaped like a resident ID number (at most 18 letters and digits); whether it is one is the
     * rules' question, answered with their own code.
     */
    public static final String ID_NUMBER_LIKE = "[0-9A-Za-z]{0,18}";

    private RequestPatterns() {
    }
}
