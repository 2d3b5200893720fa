package cn.gov.shanwei.xinyixing.payment.boundary;

/**
 * Fired synchronously, in the transaction that records it, when an account's last order in
 * arrears is settled (repaid, or collected late by the platform). Codes revoked for the arrears
 * stay revoked; the account's next credential (the next serial, above the cut-off) works.
 */
public record ArrearsCleared(long accountId) {
}
