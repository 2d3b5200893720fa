/**
 * R9: the password-free payment agreement (免密支付) with the payment platform, through a channel
 * adapter, following the platform's signed notifications; and charging: what each trip owes, its
 * collection by one deduction order per trip outside the scan, the account's arrears when a
 * deduction fails for good, and the citizen's repayment.
 *
 * <p><b>Owns</b> {@code payment_agreement}, {@code payment_notification}, {@code charge},
 * {@code charge_repayment}, {@code charge_notification}, {@code payment_arrears}.
 * <b>Uses</b> {@code account}, {@code platform}. <b>Offers</b>
 * {@link cn.gov.shanwei.xinyixing.payment.boundary.Charges} (to the trip area: {@code owe} in the
 * trip's transaction),
 * {@link cn.gov.shanwei.xinyixing.payment.boundary.PaymentBills} (to settlement's reconciliation: the platform's
 * daily bill, read and checked, and the payments we recorded as succeeded on a day) and
 * {@link cn.gov.shanwei.xinyixing.payment.boundary.Arrears#owes} (to ridecode).
 * <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreementStopped} (an
 * agreement enters BLOCKED or CANCELLED), {@link cn.gov.shanwei.xinyixing.payment.boundary.ArrearsIncurred}
 * (an account that owed nothing has an order that failed for good) and
 * {@link cn.gov.shanwei.xinyixing.payment.boundary.ArrearsCleared} (its last such order is settled) and
 * {@link cn.gov.shanwei.xinyixing.payment.boundary.ChargeStateReached} (a trip's charge is opened or changes
 * state; every move goes through {@link cn.gov.shanwei.xinyixing.payment.boundary.ChargeMoves}), all fired synchronously in the transaction that records the fact.
 */
package cn.gov.shanwei.xinyixing.payment;
