package cn.gov.shanwei.xinyixing.payment.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every change a charge may go through; any other pair of state and event is refused and changes
 * nothing. So replies, notifications and queries may arrive in any order and any number of times:
 * a late "accepted" never undoes a payment, a second success is refused, and a failure after a
 * success is ignored. Only the platform's own later collection of an order in arrears
 * ({@link #COLLECTED_LATE}) leaves {@link ChargeState#IN_ARREARS} other than by a repayment.
 */
public enum ChargeTransition {
    TAKEN(ChargeState.DUE, ChargeEvent.ACCEPTED, ChargeState.ACCEPTED),
    STILL_PROCESSING(ChargeState.ACCEPTED, ChargeEvent.ACCEPTED, ChargeState.ACCEPTED),
    RESEND(ChargeState.DUE, ChargeEvent.NOT_RECEIVED, ChargeState.DUE),
    LOST_BY_PLATFORM(ChargeState.ACCEPTED, ChargeEvent.NOT_RECEIVED, ChargeState.DUE),
    // A notification may overtake the reply to the order itself
    PAID_BEFORE_REPLY(ChargeState.DUE, ChargeEvent.SUCCEEDED, ChargeState.PAID),
    PAID(ChargeState.ACCEPTED, ChargeEvent.SUCCEEDED, ChargeState.PAID),
    REFUSED(ChargeState.DUE, ChargeEvent.FAILED, ChargeState.IN_ARREARS),
    FAILED(ChargeState.ACCEPTED, ChargeEvent.FAILED, ChargeState.IN_ARREARS),
    COLLECTED_LATE(ChargeState.IN_ARREARS, ChargeEvent.SUCCEEDED, ChargeState.PAID),
    REPAID(ChargeState.IN_ARREARS, ChargeEvent.REPAID, ChargeState.REPAID);

    private final ChargeState from;
    private final ChargeEvent event;
    private final ChargeState to;

    ChargeTransition(ChargeState from, ChargeEvent event, ChargeState to) {
        this.from = from;
        this.event = event;
        this.to = to;
    }

    public static Optional<ChargeTransition> of(ChargeState from, ChargeEvent event) {
        return Arrays.stream(values()).filter(t -> t.from == from && t.event == event).findFirst();
    }

    public ChargeState from() {
        return from;
    }

    public ChargeEvent event() {
        return event;
    }

    public ChargeState to() {
        return to;
    }

    /** +1 when the account gets one more order in arrears, −1 when one leaves arrears, else 0. */
    public int arrearsChange() {
        return (to == ChargeState.IN_ARREARS ? 1 : 0) - (from == ChargeState.IN_ARREARS ? 1 : 0);
    }
}
