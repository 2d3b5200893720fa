package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.account.boundary.AccountClosed;
import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.eligibility.boundary.DiscountWithdrawn;
import cn.gov.shanwei.xinyixing.payment.boundary.ArrearsIncurred;
import cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreementStopped;
import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;
import cn.gov.shanwei.xinyixing.ridecode.entity.BlacklistEntry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;

/**
 * Decides what stops a ride code and writes it on the blacklist: every fact that ends a citizen's
 * right to ride on their codes arrives here as an event of the area that owns it, in that area's
 * transaction, so the fact and its revocation commit or roll back together.
 *
 * <p>A revocation is a cut-off at the account's newest serial, read under the account's row lock:
 * a credential issued a moment earlier is covered, one issued afterwards (a renewal once the cause is
 * gone, a new phone) is not. A closed account is revoked for good.
 */
@Stateless
public class CredentialRevocation {

    @EJB
    Accounts accounts;

    @EJB
    Blacklist blacklist;

    public void onAccountClosed(@Observes AccountClosed closed) {
        blacklist.revoke(closed.paymentAccountNo(), null, BlacklistEntry.Reason.ACCOUNT_CLOSED);
    }

    public void onDiscountWithdrawn(@Observes DiscountWithdrawn withdrawn) {
        BlacklistEntry.Reason reason = switch (withdrawn.cause()) {
            case REDLIST_REMOVED -> BlacklistEntry.Reason.REDLIST_REMOVED;
            case OTHER_CONCESSION -> BlacklistEntry.Reason.OTHER_CONCESSION;
        };
        accounts.openAccountsWithIndexes(withdrawn.idNumberIndexes()).forEach(account -> revokeIssued(account, reason));
    }

    public void onPaymentAgreementStopped(@Observes PaymentAgreementStopped stopped) {
        BlacklistEntry.Reason reason = stopped.status() == PaymentAgreement.Status.BLOCKED
                ? BlacklistEntry.Reason.PAYMENT_BLOCKED : BlacklistEntry.Reason.PAYMENT_CANCELLED;
        accounts.byId(stopped.accountId()).filter(CitizenAccount::isOpen).ifPresent(account -> revokeIssued(account, reason));
    }

    /**
     * A ride's deduction failed for good: every code issued so far stops (reason ARREARS) until the
     * debt is repaid; then the next credential, with the next serial, is above the cut-off.
     */
    public void onArrearsIncurred(@Observes ArrearsIncurred arrears) {
        accounts.byId(arrears.accountId()).filter(CitizenAccount::isOpen)
                .ifPresent(account -> revokeIssued(account, BlacklistEntry.Reason.ARREARS));
    }

    /** Stops every credential the account holds now; nothing to do if none was ever issued. */
    public void revokeIssued(CitizenAccount account, BlacklistEntry.Reason reason) {
        Long newest = accounts.lockForUpdate(account).entitlementSerial();
        if (newest != null) {
            blacklist.revoke(account.paymentAccountNo(), newest, reason);
        }
    }
}
