package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.account.boundary.AccountRefusal;
import cn.gov.shanwei.xinyixing.account.boundary.AccountRefused;
import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.payment.control.OrderNumbers;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PlatformAnswer;
import cn.gov.shanwei.xinyixing.payment.control.RepaymentOrder;
import cn.gov.shanwei.xinyixing.payment.entity.Charge;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeTransition;
import cn.gov.shanwei.xinyixing.payment.entity.Repayment;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * An account's arrears (R9): the orders whose deduction failed for good, until they are repaid.
 * Whether an account owes is one row per account ({@code payment_arrears}) counting its open
 * orders; every change goes through {@link #change}, under that row's lock, so reaching and
 * leaving zero is decided once and announced once ({@link ArrearsIncurred}, {@link ArrearsCleared}).
 *
 * <p>Repayment: the citizen asks, and one repayment with a new number collects every order in
 * arrears at that moment (WeChat: one repayment settles many ride orders); its result comes, like a
 * deduction's, by notification or by query. Lock order everywhere: charge rows, then the arrears
 * row, then (in ridecode's observer) the account.
 */
@Stateless
public class Arrears {

    /** What the citizen sees: whether they owe, how much, for which rides, and a repayment under way. */
    public record View(boolean owes, long owedFen, List<Order> orders, RepaymentView repayment) {
    }

    public record Order(String orderNo, long tripId, Instant riddenAt, int chargedFen, String reason) {
    }

    public record RepaymentView(String repaymentNo, String state, long amountFen, int orders, String failReason) {
        static RepaymentView of(Repayment r) {
            return new RepaymentView(r.repaymentNo(), r.state().name(), r.amountFen(), r.orderCount(), r.failReason());
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    PaymentChannel channel;

    @Inject
    PaymentPlatform platform;

    @Inject
    Clock clock;

    @Inject
    Event<ArrearsIncurred> incurred;

    @Inject
    Event<ArrearsCleared> cleared;

    @Inject
    ChargeMoves moves;

    /**
     * Whether the account owes an order in arrears, read under a shared lock on its arrears row:
     * call it before taking the account's own lock (the order above), so a failure recorded at the
     * same moment either is seen here or waits and then revokes what was issued meanwhile.
     */
    public boolean owes(long accountId) {
        List<?> rows = em.createNativeQuery("SELECT open_orders FROM payment_arrears WHERE account_id = ? LOCK IN SHARE MODE")
                .setParameter(1, accountId).getResultList();
        return !rows.isEmpty() && ((Number) rows.get(0)).intValue() > 0;
    }

    /**
     * Moves the account's count of open orders by {@code delta}, in the caller's transaction, after
     * the caller has locked the orders concerned; fires the events when the count leaves or reaches 0.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void change(long accountId, int delta) {
        if (delta == 0) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // Takes the row's exclusive lock whether it exists or not; the read after it is current
        em.createNativeQuery("INSERT INTO payment_arrears (account_id, open_orders, updated_at) VALUES (?, 0, ?)"
                        + " ON DUPLICATE KEY UPDATE open_orders = open_orders")
                .setParameter(1, accountId).setParameter(2, now).executeUpdate();
        int before = ((Number) em.createNativeQuery("SELECT open_orders FROM payment_arrears WHERE account_id = ? FOR UPDATE")
                .setParameter(1, accountId).getSingleResult()).intValue();
        int after = Math.max(0, before + delta);
        em.createNativeQuery("UPDATE payment_arrears SET open_orders = ?, updated_at = ? WHERE account_id = ?")
                .setParameter(1, after).setParameter(2, now).setParameter(3, accountId).executeUpdate();
        if (before == 0 && after > 0) {
            incurred.fire(new ArrearsIncurred(accountId));
        } else if (before > 0 && after == 0) {
            cleared.fire(new ArrearsCleared(accountId));
        }
    }

    public View of(Citizen citizen) {
        CitizenAccount account = accounts.requireOpenAccount(citizen);
        List<Charge> open = inArrears(account.id(), false);
        RepaymentView repayment = latestRepayment(account.id()).map(RepaymentView::of).orElse(null);
        return new View(!open.isEmpty(), open.stream().mapToLong(Charge::chargedFen).sum(),
                open.stream().map(c -> new Order(c.orderNo(), c.tripId(), c.riddenAt(), c.chargedFen(), c.failReason())).toList(),
                repayment);
    }

    /**
     * The citizen asks to repay: one repayment for every order in arrears now. A repayment already
     * under way is answered again rather than doubled (a second tap, a retry of the mini-program).
     * The platform's answer is awaited here; if it does not come, the repayment stays REQUESTED and
     * the collection sweep sends it again with the same number.
     */
    public RepaymentView repay(Citizen citizen) {
        CitizenAccount account = accounts.requireOpenAccount(citizen);
        Optional<Repayment> pending = latestRepayment(account.id()).filter(r -> r.state().pending());
        if (pending.isPresent()) {
            return RepaymentView.of(pending.get());
        }
        List<Charge> open = inArrears(account.id(), true);
        if (open.isEmpty()) {
            throw new AccountRefused(AccountRefusal.NO_ARREARS);
        }
        String contractId = contractOf(account.id())
                .orElseThrow(() -> new AccountRefused(AccountRefusal.PAYMENT_AGREEMENT_REQUIRED));
        Instant now = clock.instant();
        Repayment repayment = new Repayment(OrderNumbers.repayment(), account.id(), contractId,
                open.stream().mapToLong(Charge::chargedFen).sum(), open.size(), now);
        em.persist(repayment);
        open.forEach(c -> c.coveredBy(repayment.repaymentNo()));
        repayment.attempted();
        PlatformAnswer answer;
        try {
            answer = channel.repay(order(repayment, open)).join();
        } catch (CompletionException e) {
            answer = PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER);
        }
        apply(repayment, answer, now);
        return RepaymentView.of(repayment);
    }

    /** What the platform said about a repayment (reply, query or notification), in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void apply(Repayment repayment, PlatformAnswer answer, Instant now) {
        switch (answer.kind()) {
            case ACCEPTED, PROCESSING -> repayment.accepted(platform.retrySchedule().query(now, repayment.attempts()));
            case NO_ANSWER, NOT_FOUND -> repayment.notReceived(platform.retrySchedule().resend(now, repayment.attempts()));
            case SUCCEEDED -> {
                if (repayment.succeeded(now, answer.paidAt())) {
                    settle(repayment, now);
                }
            }
            case FAILED -> {
                if (repayment.failed(answer.code(), now)) {
                    covered(repayment.repaymentNo()).forEach(c -> c.coveredBy(null));
                }
            }
        }
    }

    /** The repayment succeeded: its orders are REPAID, and the arrears shrink by as many. */
    private void settle(Repayment repayment, Instant now) {
        int repaid = 0;
        for (Charge charge : covered(repayment.repaymentNo())) {
            Optional<ChargeTransition> t = moves.apply(charge, ChargeEvent.REPAID, now, null, null, null, null);
            if (t.isPresent()) {
                repaid -= t.get().arrearsChange();
            }
        }
        change(repayment.accountId(), -repaid);
    }

    public RepaymentOrder order(Repayment repayment, List<Charge> charges) {
        return new RepaymentOrder(repayment.repaymentNo(), repayment.contractId(), repayment.amountFen(),
                charges.stream().map(Charge::orderNo).toList(), platform.notifyUrl());
    }

    private List<Charge> covered(String repaymentNo) {
        return em.createQuery("select c from Charge c where c.repaymentNo = :no order by c.id", Charge.class)
                .setParameter("no", repaymentNo).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private List<Charge> inArrears(long accountId, boolean lock) {
        var query = em.createQuery("select c from Charge c where c.accountId = :account and c.state = :state order by c.id",
                        Charge.class)
                .setParameter("account", accountId).setParameter("state", ChargeState.IN_ARREARS);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultList();
    }

    private Optional<Repayment> latestRepayment(long accountId) {
        return em.createQuery("select r from Repayment r where r.accountId = :account order by r.id desc", Repayment.class)
                .setParameter("account", accountId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The contract of the account's latest agreement that has one (also a cancelled one: a debt outlives it). */
    private Optional<String> contractOf(long accountId) {
        return em.createQuery("select p.contractId from PaymentAgreement p where p.accountId = :account"
                        + " and p.contractId is not null order by p.id desc", String.class)
                .setParameter("account", accountId).setMaxResults(1).getResultStream().findFirst();
    }
}
