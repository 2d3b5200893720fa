package cn.gov.shanwei.xinyixing.payment.entity;

/**
 * What can happen to a charge: the platform's reply to our order, what its notification or an
 * order query says, and the citizen's repayment.
 */
public enum ChargeEvent {
    /** The platform took the order, or a query says it is still processing. */
    ACCEPTED,
    /** No answer (timeout, unreachable, 5xx) or the platform does not know the order: send it again, same number. */
    NOT_RECEIVED,
    /** The platform collected the money. */
    SUCCEEDED,
    /** The platform refused the order or the deduction failed (e.g. insufficient balance): final. */
    FAILED,
    /** A repayment covering this order succeeded. */
    REPAID
}
