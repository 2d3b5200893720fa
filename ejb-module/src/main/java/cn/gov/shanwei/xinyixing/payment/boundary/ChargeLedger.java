package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.PlatformAnswer;
import cn.gov.shanwei.xinyixing.payment.control.RepaymentOrder;
import cn.gov.shanwei.xinyixing.payment.control.RetrySchedule;
import cn.gov.shanwei.xinyixing.payment.entity.Charge;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;
import cn.gov.shanwei.xinyixing.payment.entity.Repayment;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The collection's short transactions, each its own: claiming due rows and recording what the
 * platform said. Nothing here waits for the platform, so no lock is held across a call.
 *
 * <p>A claim is {@code SELECT … FOR UPDATE SKIP LOCKED} on the rows whose time has come, which
 * pushes their {@code due_at} forward by a lease in the same transaction: several workers and
 * several server instances claim side by side, each row by one of them, and a row whose worker died
 * comes due again when the lease ends (then the same order is sent again, which the platform
 * answers as the same order).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChargeLedger {

    /** A claimed charge with what the worker needs to send or ask about it. */
    public record Claimed(long chargeId, ChargeState state, String orderNo, long accountId, int chargedFen,
                          int originalFen, Instant riddenAt, int attempts, String contractId) {
    }

    /** What the platform said about a claimed charge. */
    public record Outcome(Claimed claimed, PlatformAnswer answer) {
    }

    /** A claimed repayment: send it again, or ask about it. */
    public record ClaimedRepayment(long id, Repayment.State state) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Arrears arrears;

    @Inject
    PaymentPlatform platform;

    @Inject
    ChargeMoves moves;

    @Inject
    Clock clock;

    public List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, state, order_no, account_id, charged_fen, original_fen,"
                        + " ridden_at, attempts FROM charge WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = rows.stream().map(r -> String.valueOf(((Number) r[0]).longValue())).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE charge SET due_at = ?, attempts = attempts + 1 WHERE id IN (" + ids + ")")
                .setParameter(1, Timestamp.from(platform.retrySchedule().leaseEnds(now))).executeUpdate();
        Map<Long, String> contracts = contracts(rows.stream().map(r -> ((Number) r[3]).longValue()).distinct().toList());
        return rows.stream().map(r -> {
            long account = ((Number) r[3]).longValue();
            return new Claimed(((Number) r[0]).longValue(), ChargeState.valueOf((String) r[1]), (String) r[2], account,
                    ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), instant(r[6]), ((Number) r[7]).intValue() + 1,
                    contracts.get(account));
        }).toList();
    }

    /**
     * Records the answers of one batch. Rows are locked in id order (two batches never wait on each
     * other in a circle); each answer goes through the charge's state machine, so one that a
     * notification has overtaken changes nothing; the arrears rows are touched after the charges.
     */
    public int record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        RetrySchedule schedule = platform.retrySchedule();
        Map<Long, Outcome> byId = new HashMap<>();
        outcomes.forEach(o -> byId.put(o.claimed().chargeId(), o));
        List<Charge> charges = em.createQuery("select c from Charge c where c.id in :ids order by c.id", Charge.class)
                .setParameter("ids", List.copyOf(byId.keySet())).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Map<Long, Integer> arrearsChanges = new TreeMap<>();
        int changed = 0;
        for (Charge charge : charges) {
            Outcome outcome = byId.get(charge.id());
            PlatformAnswer answer = outcome.answer();
            ChargeEvent event = eventOf(answer);
            Instant next = event == ChargeEvent.ACCEPTED ? schedule.query(now, outcome.claimed().attempts())
                    : schedule.resend(now, outcome.claimed().attempts());
            var transition = moves.apply(charge, event, now, next, answer.code(), answer.transactionId(), answer.paidAt());
            if (transition.isPresent()) {
                changed++;
                int change = transition.get().arrearsChange();
                if (change != 0) {
                    arrearsChanges.merge(charge.accountId(), change, Integer::sum);
                }
            }
        }
        // Account order, so two batches never wait on each other's arrears rows in a circle
        arrearsChanges.forEach(arrears::change);
        return changed;
    }

    public List<ClaimedRepayment> claimRepayments(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, state FROM charge_repayment WHERE due_at <= ?"
                        + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = rows.stream().map(r -> String.valueOf(((Number) r[0]).longValue())).collect(Collectors.joining(","));
        em.createNativeQuery("UPDATE charge_repayment SET due_at = ?, attempts = attempts + 1 WHERE id IN (" + ids + ")")
                .setParameter(1, Timestamp.from(platform.retrySchedule().leaseEnds(now))).executeUpdate();
        return rows.stream().map(r -> new ClaimedRepayment(((Number) r[0]).longValue(), Repayment.State.valueOf((String) r[1])))
                .toList();
    }

    /** The order to send again for a claimed repayment (the same number, the same orders). */
    public RepaymentOrder repaymentOrder(long repaymentId) {
        Repayment repayment = em.find(Repayment.class, repaymentId);
        return arrears.order(repayment, em.createQuery("select c from Charge c where c.repaymentNo = :no order by c.id",
                Charge.class).setParameter("no", repayment.repaymentNo()).getResultList());
    }

    public String repaymentNo(long repaymentId) {
        return em.find(Repayment.class, repaymentId).repaymentNo();
    }

    /** What the platform said about a repayment (reply or query). */
    public void recordRepayment(long repaymentId, PlatformAnswer answer) {
        Repayment repayment = em.find(Repayment.class, repaymentId, LockModeType.PESSIMISTIC_WRITE);
        arrears.apply(repayment, answer, clock.instant());
    }

    static ChargeEvent eventOf(PlatformAnswer answer) {
        return switch (answer.kind()) {
            case ACCEPTED, PROCESSING -> ChargeEvent.ACCEPTED;
            case SUCCEEDED -> ChargeEvent.SUCCEEDED;
            case FAILED -> ChargeEvent.FAILED;
            case NOT_FOUND, NO_ANSWER -> ChargeEvent.NOT_RECEIVED;
        };
    }

    /** Each account's contract: that of its latest agreement in force (ACTIVE or BLOCKED), if any. */
    private Map<Long, String> contracts(List<Long> accountIds) {
        String ids = accountIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT account_id, contract_id FROM payment_agreement"
                + " WHERE account_id IN (" + ids + ") AND contract_id IS NOT NULL AND status IN ('ACTIVE', 'BLOCKED')"
                + " ORDER BY id").getResultList();
        Map<Long, String> contracts = new HashMap<>();
        rows.forEach(r -> contracts.put(((Number) r[0]).longValue(), (String) r[1]));
        return contracts;
    }

    /** MySQL Connector/J returns DATETIME as LocalDateTime (the server's wall clock, the JVM's zone). */
    static Instant instant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value);
    }
}
