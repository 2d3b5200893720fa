package cn.gov.shanwei.xinyixing.payment.entity;

/**
 * Where a trip's charge stands. A deduction ends in {@link #PAID} or {@link #IN_ARREARS}; a ride
 * that costs nothing is {@link #NOTHING_DUE} from the start; an order in arrears ends in
 * {@link #REPAID} when the citizen's repayment succeeds (or {@link #PAID} if the platform collects
 * it by itself after all).
 */
public enum ChargeState {
    /** The order is to be sent (first time, or again with the same number after a timeout). */
    DUE,
    /** The platform took the order ("SUCCESS" to our request): not paid yet, the result comes later. */
    ACCEPTED,
    PAID,
    /** The fare after the concession was 0: settled at once, no deduction. */
    NOTHING_DUE,
    /** The deduction failed for good: the account owes it until it is repaid. */
    IN_ARREARS,
    REPAID;

    /** Whether the deduction itself is over (nothing is sent or asked any more). */
    public boolean deductionFinal() {
        return this != DUE && this != ACCEPTED;
    }
}
