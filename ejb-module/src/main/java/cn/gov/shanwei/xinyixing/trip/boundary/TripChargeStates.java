package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.payment.boundary.ChargeStateReached;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps, on each trip's row, the state its charge has reached, in the transaction that changed the
 * charge: the subsidy rule (the generated column {@code trip_record.outcome}) is computed from it there,
 * so that the year's summary is one scan of {@code trip_record} instead of a lookup in another area's
 * table for every trip.
 */
@Stateless
public class TripChargeStates {

    @PersistenceContext
    EntityManager em;

    public void onChargeStateReached(@Observes ChargeStateReached reached) {
        em.createNativeQuery("UPDATE trip_record SET charge_state = ? WHERE id = ?")
                .setParameter(1, reached.state().name()).setParameter(2, reached.tripId()).executeUpdate();
    }
}
