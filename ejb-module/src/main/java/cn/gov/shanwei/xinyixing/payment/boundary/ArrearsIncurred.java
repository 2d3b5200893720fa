package cn.gov.shanwei.xinyixing.payment.boundary;

/**
 * Fired synchronously, in the transaction that records it, when an account that owed nothing gets
 * an order that failed for good: from now on it is in arrears ({@link Arrears#owes}) until the
 * debt is repaid. Observers that must stop the account's rides (its ride codes) react here,
 * all-or-nothing with the failure.
 */
public record ArrearsIncurred(long accountId) {
}
