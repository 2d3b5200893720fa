package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.ridecode.entity.BlacklistEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The revocation list validators download (R8): full, or the changes since a version. Each entry
 * is a cut-off, "every serial of this account up to N" (see {@link BlacklistEntry}); it is fed by
 * {@link CredentialRevocation}. Authorisations are short-lived, so the list only has to cover a
 * day or so of offline validity.
 */
@Stateless
public class Blacklist {

    /** What a validator gets: the newest version and the entries after the one it had. */
    public record Delta(long version, List<Item> entries) {
    }

    /**
     * One revocation as validators see it.
     *
     * @param revokedUpToSerial every entitlement serial up to and including this one is revoked;
     *                          {@code null}: every serial of the account, now and later
     */
    public record Item(long version, String paymentAccountNo, Long revokedUpToSerial, String reason) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Revokes every serial of the account up to {@code upToSerial} ({@code null}: all, for good). */
    public void revoke(String paymentAccountNo, Long upToSerial, BlacklistEntry.Reason reason) {
        em.persist(new BlacklistEntry(paymentAccountNo, upToSerial, reason, clock.instant()));
    }

    public Delta since(long version) {
        List<Item> items = em.createQuery("select e from BlacklistEntry e where e.version > :version order by e.version",
                        BlacklistEntry.class)
                .setParameter("version", version)
                .getResultList().stream()
                .map(e -> new Item(e.version(), e.paymentAccountNo(), e.revokedUpToSerial(), e.reason().name()))
                .toList();
        Long newest = em.createQuery("select max(e.version) from BlacklistEntry e", Long.class).getSingleResult();
        return new Delta(newest == null ? 0 : newest, items);
    }

    public boolean isRevoked(String paymentAccountNo, long entitlementSerial) {
        // Not isRevokedAt(now): an entry's stored time may be rounded, and a revocation must hold at once
        return !em.createQuery("select e.version from BlacklistEntry e where e.paymentAccountNo = :account"
                        + " and (e.revokedUpToSerial is null or e.revokedUpToSerial >= :serial)", Long.class)
                .setParameter("account", paymentAccountNo)
                .setParameter("serial", entitlementSerial)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Whether an entry added by that instant covers the serial: what a validator could have known then. */
    public boolean isRevokedAt(String paymentAccountNo, long entitlementSerial, Instant at) {
        return !em.createQuery("select e.version from BlacklistEntry e where e.paymentAccountNo = :account"
                        + " and (e.revokedUpToSerial is null or e.revokedUpToSerial >= :serial) and e.addedAt <= :at", Long.class)
                .setParameter("account", paymentAccountNo)
                .setParameter("serial", entitlementSerial)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
