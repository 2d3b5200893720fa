package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.ridecode.entity.BlacklistEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * The revocation list validators download (R8): full, or the changes since a version. Fed by
 * red-list removals, account closure, a lost phone and fraud. Authorisations are short-lived, so
 * the list only has to cover a day or so of offline validity.
 */
@Stateless
public class Blacklist {

    /** What a validator gets: the newest version and the entries after the one it had. */
    public record Delta(long version, List<Item> entries) {
    }

    /** One revocation as validators see it. */
    public record Item(long version, String paymentAccountNo, Long entitlementSerial, String reason) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void revoke(String paymentAccountNo, Long entitlementSerial, BlacklistEntry.Reason reason) {
        em.persist(new BlacklistEntry(paymentAccountNo, entitlementSerial, reason, clock.instant()));
    }

    /** Revokes the open accounts of people identified by their ID index (e.g. removed from the red list). */
    public int revokeAccountsOf(List<byte[]> idNumberIndexes, BlacklistEntry.Reason reason) {
        List<CitizenAccount> accounts = em.createQuery("select a from CitizenAccount a where a.idNumber.index in :indexes"
                        + " and a.status = :open", CitizenAccount.class)
                .setParameter("indexes", idNumberIndexes)
                .setParameter("open", CitizenAccount.Status.OPEN)
                .getResultList();
        accounts.forEach(account -> revoke(account.paymentAccountNo(), account.entitlementSerial(), reason));
        return accounts.size();
    }

    public Delta since(long version) {
        List<Item> items = em.createQuery("select e from BlacklistEntry e where e.version > :version order by e.version",
                        BlacklistEntry.class)
                .setParameter("version", version)
                .getResultList().stream()
                .map(e -> new Item(e.version(), e.paymentAccountNo(), e.entitlementSerial(), e.reason().name()))
                .toList();
        Long newest = em.createQuery("select max(e.version) from BlacklistEntry e", Long.class).getSingleResult();
        return new Delta(newest == null ? 0 : newest, items);
    }

    public boolean isRevoked(String paymentAccountNo, long entitlementSerial) {
        return !em.createQuery("select e.version from BlacklistEntry e where e.paymentAccountNo = :account"
                        + " and (e.entitlementSerial is null or e.entitlementSerial = :serial)", Long.class)
                .setParameter("account", paymentAccountNo)
                .setParameter("serial", entitlementSerial)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
