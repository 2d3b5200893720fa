package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;

/**
 * Fired in the same transaction when an account's payment agreement enters BLOCKED (frozen, in
 * arrears) or CANCELLED: rides can no longer be charged, so the ride codes must stop now.
 *
 * @param accountId the ride account whose agreement stopped
 * @param status    the state it entered
 */
public record PaymentAgreementStopped(Long accountId, PaymentAgreement.Status status) {
}
