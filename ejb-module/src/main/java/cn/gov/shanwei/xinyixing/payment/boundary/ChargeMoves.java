package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.entity.Charge;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeTransition;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The one way this area moves a charge: applies what happened ({@link Charge#apply}) and, if the charge
 * moved, announces the state it reached ({@link ChargeStateReached}) in the caller's transaction. Opening
 * a charge is announced here too, so the trip area's copy of each charge's state misses no move.
 */
@Dependent
public class ChargeMoves {

    @Inject
    Event<ChargeStateReached> reached;

    /** As {@link Charge#apply(ChargeEvent, Instant, Instant, String, String, Instant)}, announced. */
    public Optional<ChargeTransition> apply(Charge charge, ChargeEvent event, Instant now, Instant nextLook, String reason,
                                            String transactionId, Instant platformPaidAt) {
        Optional<ChargeTransition> transition = charge.apply(event, now, nextLook, reason, transactionId, platformPaidAt);
        transition.ifPresent(t -> reached.fire(new ChargeStateReached(charge.tripId(), t.to())));
        return transition;
    }

    /** A trip's charge exists, in the state its row holds. */
    public void opened(long tripId, ChargeState state) {
        reached.fire(new ChargeStateReached(tripId, state));
    }
}
