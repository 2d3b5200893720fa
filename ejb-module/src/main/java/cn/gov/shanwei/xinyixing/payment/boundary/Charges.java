package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.OrderNumbers;
import cn.gov.shanwei.xinyixing.payment.entity.Charge;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What rides owe (R9). The trip area calls {@link #owe} in the trip's own transaction, so the debt
 * is exactly as durable as the ride; nothing remote happens here, and the boarding never waits for
 * the platform. The deduction itself is made later by {@link ChargeCollection}.
 */
@Stateless
public class Charges {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ChargeMoves moves;

    /**
     * Records that a trip owes its charged fare; idempotent on {@code tripId} (the first call's
     * figures stand). A fare of 0 after the concession is settled at once, without a deduction.
     * A repeat is a no-op in SQL rather than a duplicate-key error, which would roll the trip back.
     */
    public void owe(long tripId, long accountId, String paymentAccountNo, int originalFen, int chargedFen, Instant riddenAt) {
        if (originalFen < 0 || chargedFen < 0 || chargedFen > originalFen || paymentAccountNo == null || riddenAt == null) {
            throw new IllegalArgumentException("charge of trip " + tripId + ": " + chargedFen + " of " + originalFen);
        }
        Timestamp now = Timestamp.from(clock.instant());
        boolean free = chargedFen == 0;
        em.createNativeQuery("INSERT INTO charge (trip_id, account_id, payment_account_no, original_fen, charged_fen,"
                        + " ridden_at, state, order_no, attempts, due_at, created_at, settled_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON DUPLICATE KEY UPDATE trip_id = trip_id")
                .setParameter(1, tripId)
                .setParameter(2, accountId)
                .setParameter(3, paymentAccountNo)
                .setParameter(4, originalFen)
                .setParameter(5, chargedFen)
                .setParameter(6, Timestamp.from(riddenAt))
                .setParameter(7, (free ? ChargeState.NOTHING_DUE : ChargeState.DUE).name())
                .setParameter(8, OrderNumbers.deduction(tripId))
                .setParameter(9, free ? null : now)
                .setParameter(10, now)
                .setParameter(11, free ? now : null)
                .executeUpdate();
        // A repeat leaves the first call's charge as it is, perhaps long since paid: announce the row's own state
        String state = (String) em.createNativeQuery("SELECT state FROM charge WHERE trip_id = ?")
                .setParameter(1, tripId).getSingleResult();
        moves.opened(tripId, ChargeState.valueOf(state));
    }

    /** One charge, for the staff and the checks that follow a trip's money. */
    public Optional<Charge> ofTrip(long tripId) {
        return em.createQuery("select c from Charge c where c.tripId = :trip", Charge.class)
                .setParameter("trip", tripId).getResultStream().findFirst();
    }
}
