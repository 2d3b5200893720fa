package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;

/**
 * Fired synchronously, in the transaction that changes it, when an account's payment agreement
 * stops allowing payments: it entered {@code BLOCKED} (frozen, arrears) or {@code CANCELLED}
 * (terminated by the platform or cancelled by the citizen). Observers that must not let the
 * account ride on credit (its ride credentials) react here, all-or-nothing with the change.
 */
public record PaymentAgreementStopped(Long accountId, PaymentAgreement.Status status) {
}
