package cn.gov.shanwei.xinyixing.payment.control;

import java.util.List;

/** A repayment as sent to the platform: its own new number, and the failed orders it settles. */
public record RepaymentOrder(String repaymentNo, String contractId, long amountFen, List<String> orderNos,
                             String notifyUrl) {
}
