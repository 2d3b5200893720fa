package cn.gov.shanwei.xinyixing.redlist.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/**
 * A lease in the database on the red-list pull, so that of several server instances only one pulls
 * at a time: an instance pulls only while it holds an unexpired lease, renews it with each pull,
 * and takes it over once its holder has let it run out. Expiry is judged by the database's clock.
 */
@Stateless
public class PullLease {

    static final String RED_LIST_PULL = "redlist-pull";

    @PersistenceContext
    EntityManager em;

    /** True if {@code holder} now holds the lease for {@code duration}; in its own transaction, committed at once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String holder, Duration duration) {
        em.createNativeQuery("INSERT IGNORE INTO redlist_pull_lease (name, holder, lease_until)"
                        + " VALUES (?1, '', TIMESTAMP '2000-01-01 00:00:00')")
                .setParameter(1, RED_LIST_PULL)
                .executeUpdate();
        int taken = em.createNativeQuery("UPDATE redlist_pull_lease SET holder = ?1,"
                        + " lease_until = NOW(3) + INTERVAL ?2 MICROSECOND"
                        + " WHERE name = ?3 AND (holder = ?1 OR lease_until < NOW(3))")
                .setParameter(1, holder)
                .setParameter(2, duration.toNanos() / 1000)
                .setParameter(3, RED_LIST_PULL)
                .executeUpdate();
        return taken == 1;
    }
}
