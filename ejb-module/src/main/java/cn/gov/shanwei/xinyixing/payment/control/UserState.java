package cn.gov.shanwei.xinyixing.payment.control;

/**
 * The user's state at the payment platform, which the platform keeps apart from the contract: a
 * signed contract with a BLOCKED (risk control) or OVERDUE (unpaid orders) user cannot be deducted.
 * {@link #UNKNOWN}: the platform did not answer.
 */
public enum UserState {
    NORMAL, BLOCKED, OVERDUE, UNKNOWN;

    /** Whether a deduction may be sent: only a user the platform reports as unable to pay is skipped. */
    public boolean deductible() {
        return this == NORMAL || this == UNKNOWN;
    }
}
