package cn.gov.shanwei.xinyixing.ridecode.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The online scan's replay memory (check 7), kept by the database so that a code pays once in the
 * whole system, whichever server instance a validator reaches. A use is written in the scan's
 * transaction: a concurrent scan of the same code on another instance waits on the key and then
 * finds it taken.
 */
@Stateless
public class CodeUses {

    /**
     * Longer than any code stays valid (its validity, at most 65535 s, plus skew): an older use can
     * only ever meet a code the time checks refuse anyway.
     */
    static final Duration KEPT = Duration.ofDays(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Records the code; {@code true} only for the first scan of this account and generation time. */
    public boolean firstUse(String paymentAccount, long generationTime) {
        return em.createNativeQuery("INSERT IGNORE INTO ride_code_use (payment_account_no, generation_time, used_at)"
                        + " VALUES (?, ?, ?)")
                .setParameter(1, paymentAccount)
                .setParameter(2, generationTime)
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate() == 1;
    }

    /** Every night; idempotent, so every instance may run it. */
    @Schedule(hour = "4", minute = "17", persistent = false)
    void nightly() {
        forgetOldUses();
    }

    /** Forgets uses older than {@link #KEPT}; returns how many. */
    public int forgetOldUses() {
        return em.createNativeQuery("DELETE FROM ride_code_use WHERE used_at < ?")
                .setParameter(1, Timestamp.from(clock.instant().minus(KEPT)))
                .executeUpdate();
    }
}
