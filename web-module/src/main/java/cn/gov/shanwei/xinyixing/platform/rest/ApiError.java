package cn.gov.shanwei.xinyixing.platform.rest;

/**
 * The body of every rejection: a stable code a client can branch on, and a message for people
 * (Chinese first, then English).
 */
public record ApiError(String code, String message) {
}
