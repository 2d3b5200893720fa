package cn.gov.shanwei.xinyixing.payment.control;

/** The two kinds of money our orders move at the platform: one ride's deduction, or a repayment of several. */
public enum PaymentKind {
    DEDUCTION,
    REPAYMENT
}
