package cn.gov.shanwei.xinyixing.payment.control;

import java.time.Instant;

/**
 * One ride's deduction as sent to the platform: our order number (the platform's idempotency key),
 * the citizen's contract, the amount to collect and, for the platform's statement, the fare before
 * the concession and when the ride was.
 */
public record DeductionOrder(String orderNo, String contractId, int amountFen, int originalFen, Instant riddenAt,
                             String notifyUrl) {
}
