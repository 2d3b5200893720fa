package cn.gov.shanwei.xinyixing.eligibility.control;

import java.util.Objects;

/**
 * One step of an eligibility decision, so that a citizen, a clerk or an auditor can see why a ride
 * was (not) discounted. The code is stable and meant for programs and statistics; the message is
 * for people, Chinese first, then English.
 *
 * @param code    one of the constants below
 * @param entryId the red-list entry the reason is about, or {@code null} for the person as a whole
 * @param message "中文 / English"
 */
public record Reason(String code, Long entryId, String message) {

    public static final String POLICY_NOT_IN_FORCE = "POLICY_NOT_IN_FORCE";
    public static final String OTHER_CONCESSION = "OTHER_CONCESSION";
    public static final String ENTRY_REVOKED = "ENTRY_REVOKED";
    public static final String ENTRY_NOT_YET_VALID = "ENTRY_NOT_YET_VALID";
    public static final String ENTRY_EXPIRED = "ENTRY_EXPIRED";
    public static final String CATEGORY_UNKNOWN = "CATEGORY_UNKNOWN";
    public static final String BELOW_THRESHOLD = "BELOW_THRESHOLD";
    public static final String FIGURE_MISSING = "FIGURE_MISSING";
    public static final String QUALIFIED = "QUALIFIED";
    public static final String NO_QUALIFYING_ENTRY = "NO_QUALIFYING_ENTRY";
    public static final String NOT_RESIDENT = "NOT_RESIDENT";

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Reason of(String code, String message) {
        return new Reason(code, null, message);
    }

    static Reason of(String code, long entryId, String message) {
        return new Reason(code, entryId, message);
    }
}
