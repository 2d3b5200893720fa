package cn.gov.shanwei.xinyixing.settlement.control;

import java.util.List;

/**
 * One difference between a day's bill and our payments.
 *
 * @param paymentKind {@code DEDUCTION} or {@code REPAYMENT}
 * @param paidFen     our amount, if we have the payment that day
 * @param billFen     the bill's amount, if the bill lists it
 * @param billLine    the bill's line, if it lists it
 * @param tripIds     the rides the payment is for, as far as we know them
 * @param inClaim     whether any of those rides is in the subsidy claim (the subsidy rule counts it)
 * @param ours        for a bill line we did not have as paid that day: what we know of that number
 */
public record Difference(DifferenceKind kind, String paymentKind, String number, Long paidFen, Long billFen,
                         Integer billLine, List<Long> tripIds, boolean inClaim, String ours) {

    public Difference claimed(boolean claimed) {
        return new Difference(kind, paymentKind, number, paidFen, billFen, billLine, tripIds, claimed, ours);
    }

    public Difference knownAs(String what, List<Long> trips) {
        return new Difference(kind, paymentKind, number, paidFen, billFen, billLine, trips, inClaim, what);
    }
}
