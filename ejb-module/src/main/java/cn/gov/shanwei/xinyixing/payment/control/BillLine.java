package cn.gov.shanwei.xinyixing.payment.control;

import java.time.Instant;

/**
 * One payment on the platform's daily bill.
 *
 * @param number the order number ({@code outTradeNo}) of a deduction, or the repayment number
 * @param line   its line in the file (1 is the header), so a difference can point at it
 */
public record BillLine(PaymentKind kind, String number, String transactionId, long amountFen, Instant successTime,
                       int line) {
}
