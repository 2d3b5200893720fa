package cn.gov.shanwei.xinyixing.payment.control;

import java.util.UUID;

/**
 * Our numbers at the payment platform. A deduction order's number follows from its trip, so one
 * trip can never become two orders, and a re-sent order (after a timeout) is the same order to the
 * platform. A repayment is a new collection with a new number; the orders it settles link to it.
 * Both fit WeChat's {@code out_trade_no} (≤ 32 of [A-Za-z0-9]).
 */
public final class OrderNumbers {

    private OrderNumbers() {
    }

    /** {@code XYXD} and the trip id in 19 digits: 23 characters. */
    public static String deduction(long tripId) {
        if (tripId < 0) {
            throw new IllegalArgumentException("trip id " + tripId);
        }
        return String.format("XYXD%019d", tripId);
    }

    /** 32 hex digits, unguessable and never reused. */
    public static String repayment() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
