package cn.gov.shanwei.xinyixing.account.boundary;

/**
 * Fired in the closing transaction when a citizen closes their ride account: every credential of
 * the account must stop (the ride-code area puts the account on the blacklist), and an audit trail
 * records the closure.
 *
 * @param accountId        the closed account
 * @param paymentAccountNo the payment account number its ride codes carry
 */
public record AccountClosed(Long accountId, String paymentAccountNo) {
}
