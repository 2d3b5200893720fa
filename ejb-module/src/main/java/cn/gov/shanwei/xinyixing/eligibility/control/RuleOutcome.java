package cn.gov.shanwei.xinyixing.eligibility.control;

import java.util.Objects;

/**
 * What a category rule says about one set of figures: qualifies, or why not. It knows nothing of
 * the entry it was asked about; {@link #toReason(long)} attaches that.
 *
 * @param satisfied whether the figures meet the rule
 * @param code      {@link Reason#QUALIFIED}, {@link Reason#BELOW_THRESHOLD} or {@link Reason#FIGURE_MISSING}
 * @param message   "中文 / English"
 */
public record RuleOutcome(boolean satisfied, String code, String message) {

    public RuleOutcome {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (satisfied != Reason.QUALIFIED.equals(code)) {
            throw new IllegalArgumentException("only QUALIFIED outcomes are satisfied: " + code);
        }
    }

    static RuleOutcome qualified(String message) {
        return new RuleOutcome(true, Reason.QUALIFIED, message);
    }

    static RuleOutcome belowThreshold(String message) {
        return new RuleOutcome(false, Reason.BELOW_THRESHOLD, message);
    }

    static RuleOutcome figureMissing(String message) {
        return new RuleOutcome(false, Reason.FIGURE_MISSING, message);
    }

    public Reason toReason(long entryId) {
        return Reason.of(code, entryId, message);
    }
}
