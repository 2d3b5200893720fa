package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.PlatformAnswer;
import cn.gov.shanwei.xinyixing.payment.entity.Charge;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeNotification;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;
import cn.gov.shanwei.xinyixing.payment.entity.NotificationOutcome;
import cn.gov.shanwei.xinyixing.payment.entity.Repayment;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's notifications about our deductions and repayments, authenticated and read by
 * {@link PaymentAgreements#notification} (one address, one signature scheme for every event).
 * The order's (or repayment's) row is locked first, so copies of one notification, concurrent ones
 * too, are taken one after the other: the second finds the event id recorded and is acknowledged
 * as a duplicate. Order does not matter: a charge's states only move forward, so a success that
 * overtakes the reply to the order is applied, and anything late is refused by the state machine.
 */
@Stateless
public class ChargeNotifications {

    /** The events about money; the rest are about the agreement. */
    static final Set<String> EVENTS = Set.of("DEDUCTION_SUCCEEDED", "DEDUCTION_FAILED", "REPAYMENT_SUCCEEDED",
            "REPAYMENT_FAILED");

    @PersistenceContext
    EntityManager em;

    @EJB
    Arrears arrears;

    @Inject
    PaymentPlatform platform;

    @Inject
    Clock clock;

    @Inject
    ChargeMoves moves;

    static boolean concerns(String event) {
        return event != null && EVENTS.contains(event);
    }

    /**
     * @param reference the order number ({@code outTradeNo}) or repayment number ({@code repaymentNo})
     * @param detail    the platform's transaction id (success) or failure reason (failure)
     */
    public PaymentAgreements.NotificationHandled apply(String eventId, Instant eventTime, String event, String reference,
                                                       String detail) {
        if (reference == null) {
            throw new PaymentAgreements.NotificationRefused(NotificationProblem.UNKNOWN_ORDER);
        }
        return event.startsWith("DEDUCTION_") ? deduction(eventId, eventTime, event, reference, detail)
                : repayment(eventId, eventTime, event, reference, detail);
    }

    private PaymentAgreements.NotificationHandled deduction(String eventId, Instant eventTime, String event, String orderNo,
                                                           String detail) {
        Charge charge = em.createQuery("select c from Charge c where c.orderNo = :no", Charge.class)
                .setParameter("no", orderNo).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new PaymentAgreements.NotificationRefused(NotificationProblem.UNKNOWN_ORDER));
        Optional<NotificationOutcome> seen = seen(eventId);
        if (seen.isPresent()) {
            return new PaymentAgreements.NotificationHandled(NotificationOutcome.DUPLICATE, charge.state().name());
        }
        ChargeState before = charge.state();
        boolean success = event.equals("DEDUCTION_SUCCEEDED");
        Instant now = clock.instant();
        var transition = moves.apply(charge, success ? ChargeEvent.SUCCEEDED : ChargeEvent.FAILED, now,
                platform.retrySchedule().query(now, 1), success ? null : (detail == null ? "FAILED" : detail),
                success ? detail : null, eventTime);
        transition.ifPresent(t -> arrears.change(charge.accountId(), t.arrearsChange()));
        NotificationOutcome outcome = transition.isPresent() ? NotificationOutcome.APPLIED : NotificationOutcome.TRANSITION_REFUSED;
        em.persist(new ChargeNotification(eventId, event, orderNo, eventTime, now, outcome, before.name(), charge.state().name()));
        return new PaymentAgreements.NotificationHandled(outcome, charge.state().name());
    }

    private PaymentAgreements.NotificationHandled repayment(String eventId, Instant eventTime, String event,
                                                           String repaymentNo, String detail) {
        Repayment repayment = em.createQuery("select r from Repayment r where r.repaymentNo = :no", Repayment.class)
                .setParameter("no", repaymentNo).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new PaymentAgreements.NotificationRefused(NotificationProblem.UNKNOWN_ORDER));
        if (seen(eventId).isPresent()) {
            return new PaymentAgreements.NotificationHandled(NotificationOutcome.DUPLICATE, repayment.state().name());
        }
        Repayment.State before = repayment.state();
        Instant now = clock.instant();
        arrears.apply(repayment, event.equals("REPAYMENT_SUCCEEDED")
                ? new PlatformAnswer(PlatformAnswer.Kind.SUCCEEDED, null, detail, eventTime)
                : PlatformAnswer.failed(detail == null ? "FAILED" : detail), now);
        NotificationOutcome outcome = before.pending() ? NotificationOutcome.APPLIED : NotificationOutcome.TRANSITION_REFUSED;
        em.persist(new ChargeNotification(eventId, event, repaymentNo, eventTime, now, outcome, before.name(),
                repayment.state().name()));
        return new PaymentAgreements.NotificationHandled(outcome, repayment.state().name());
    }

    private Optional<NotificationOutcome> seen(String eventId) {
        return em.createQuery("select n.outcome from ChargeNotification n where n.eventId = :event", NotificationOutcome.class)
                .setParameter("event", eventId).getResultStream().findFirst();
    }
}
