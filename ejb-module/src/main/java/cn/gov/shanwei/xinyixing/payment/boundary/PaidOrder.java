package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.PaymentKind;
import java.time.Instant;
import java.util.List;

/**
 * A payment as this system recorded it: a deduction that succeeded (its one trip) or a repayment that
 * did (the trips of the orders it settled), with the platform's success time.
 *
 * @param state our state of the order ({@code PAID}, {@code IN_ARREARS} …, or {@code SUCCEEDED} for a repayment)
 */
public record PaidOrder(PaymentKind kind, String number, long amountFen, Instant paidAt, String state, List<Long> tripIds) {

    public boolean paid() {
        return "PAID".equals(state) || "SUCCEEDED".equals(state);
    }
}
