package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.Objects;

import cn.gov.shanwei.xinyixing.eligibility.control.Fare;

/**
 * The outcome of checking one scanned code: what the trip record keeps.
 *
 * @param reason {@link RideCodeReason#OK} or the first check that failed
 * @param code   the parsed code; {@code null} only for {@link RideCodeReason#MALFORMED}, so a refused but
 *               parseable code can still be recorded and flagged
 * @param fare   original, discount and charged fare; only for {@link RideCodeReason#OK}, otherwise {@code null}
 */
public record Verification(RideCodeReason reason, RideCode code, Fare fare) {

    public Verification {
        Objects.requireNonNull(reason, "reason");
        if ((reason == RideCodeReason.MALFORMED) != (code == null)) {
            throw new IllegalArgumentException("a code is present exactly when it parsed");
        }
        if ((reason == RideCodeReason.OK) != (fare != null)) {
            throw new IllegalArgumentException("a fare is present exactly when the code is valid");
        }
    }

    static Verification malformed() {
        return new Verification(RideCodeReason.MALFORMED, null, null);
    }

    static Verification refused(RideCodeReason reason, RideCode code) {
        return new Verification(reason, code, null);
    }

    static Verification accepted(RideCode code, Fare fare) {
        return new Verification(RideCodeReason.OK, code, fare);
    }

    public boolean ok() {
        return reason == RideCodeReason.OK;
    }
}
