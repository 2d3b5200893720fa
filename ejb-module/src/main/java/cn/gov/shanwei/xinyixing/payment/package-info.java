/**
 * R9: the password-free payment agreement (免密支付) with the payment platform, through a channel
 * adapter, following the platform's signed notifications.
 *
 * <p><b>Owns</b> {@code payment_agreement}. <b>Uses</b> {@code account}, {@code platform}.
 * <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreementStopped} (an
 * agreement enters BLOCKED or CANCELLED).
 */
package cn.gov.shanwei.xinyixing.payment;
