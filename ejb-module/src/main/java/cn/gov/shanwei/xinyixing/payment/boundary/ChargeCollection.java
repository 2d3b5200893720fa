package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.DeductionOrder;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PlatformAnswer;
import cn.gov.shanwei.xinyixing.payment.control.UserState;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;
import cn.gov.shanwei.xinyixing.payment.entity.Repayment;
import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects what rides owe, outside any scan (R9). A non-persistent timer only triggers: every two
 * seconds it makes sure {@code xinyixing.payment.workers} workers run on the managed executor; each
 * claims a batch of due charges ({@link ChargeLedger#claim}, a short transaction), sends the
 * deductions or order queries in parallel over the asynchronous HTTP channel (at most
 * {@code …in-flight} at a time, no transaction open), records the answers in one more short
 * transaction, and goes on until nothing is due. Repayments waiting for an answer are swept the
 * same way. Every instance runs it; the claims keep them apart. {@link #collect()} does one pass
 * at once, for the checks and for operators.
 *
 * <p>Before an order goes out, the user's state at the platform is asked (once per contract per
 * half minute): a BLOCKED or OVERDUE user cannot be deducted, so the order fails at once and the
 * account goes into arrears, to be settled by a repayment.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChargeCollection {

    private static final Logger LOG = Logger.getLogger(ChargeCollection.class.getName());
    private static final Duration USER_STATE_KEPT = Duration.ofSeconds(30);
    /** A worker stops after this long even if rows are still due, leaving room for the next tick. */
    private static final Duration WORKER_BUDGET = Duration.ofSeconds(50);

    /** What one pass did: charges looked at, of which answered with a change, and repayments looked at. */
    public record Pass(int claimed, int changed, int repayments) {
        Pass plus(Pass other) {
            return new Pass(claimed + other.claimed, changed + other.changed, repayments + other.repayments);
        }
    }

    private record KnownState(UserState state, Instant until) {
    }

    @EJB
    ChargeLedger ledger;

    @Inject
    Instance<PaymentChannel> channels;

    @Inject
    PaymentPlatform platform;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, KnownState> userStates = new ConcurrentHashMap<>();

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void tick() {
        int wanted = platform.workers();
        while (running.get() < wanted) {
            if (running.incrementAndGet() > wanted) {
                running.decrementAndGet();
                return;
            }
            try {
                executor.submit(this::work);
            } catch (RuntimeException e) {
                running.decrementAndGet();
                throw e;
            }
        }
    }

    private void work() {
        try {
            drain(clock.instant().plus(WORKER_BUDGET));
        } catch (PartnerAddress.Refused e) {
            LOG.severe("扣款未进行 / Charges not collected: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Charge collection failed: " + e.getMessage(), e);
        } finally {
            running.decrementAndGet();
        }
    }

    /** One pass over everything due now; idempotent, safe beside the timer's workers and other instances. */
    public Pass collect() {
        return drain(clock.instant().plus(WORKER_BUDGET));
    }

    private Pass drain(Instant until) {
        Pass total = new Pass(0, 0, repayments());
        int batch = platform.batchSize();
        while (clock.instant().isBefore(until)) {
            Pass pass = batch(batch);
            total = total.plus(pass);
            if (pass.claimed() < batch) {
                break;
            }
        }
        return total;
    }

    private Pass batch(int size) {
        List<ChargeLedger.Claimed> claimed = ledger.claim(size);
        if (claimed.isEmpty()) {
            return new Pass(0, 0, 0);
        }
        PaymentChannel channel = channels.get();
        Semaphore permits = new Semaphore(platform.inFlight());
        Map<String, UserState> states = userStates(claimed, channel, permits);
        List<CompletableFuture<ChargeLedger.Outcome>> answers = new ArrayList<>(claimed.size());
        for (ChargeLedger.Claimed c : claimed) {
            CompletableFuture<PlatformAnswer> answer;
            if (c.state() == ChargeState.ACCEPTED) {
                answer = limited(permits, () -> channel.queryDeduction(c.orderNo()));
            } else if (c.contractId() == null) {
                answer = CompletableFuture.completedFuture(PlatformAnswer.failed("NO_CONTRACT"));
            } else if (!states.getOrDefault(c.contractId(), UserState.UNKNOWN).deductible()) {
                answer = CompletableFuture.completedFuture(PlatformAnswer.failed("USER_" + states.get(c.contractId())));
            } else {
                answer = limited(permits, () -> channel.deduct(new DeductionOrder(c.orderNo(), c.contractId(),
                        c.chargedFen(), c.originalFen(), c.riddenAt(), platform.notifyUrl())));
            }
            answers.add(answer.thenApply(a -> new ChargeLedger.Outcome(c, a)));
        }
        List<ChargeLedger.Outcome> outcomes = answers.stream().map(CompletableFuture::join).toList();
        try {
            return new Pass(claimed.size(), ledger.record(outcomes), 0);
        } catch (RuntimeException e) {
            // One row must not hold back the batch (a deadlock victim, a bad row): each on its own; one
            // that fails again stays claimed until its lease ends and is then taken up afresh
            LOG.log(Level.WARNING, "Recording a batch of " + outcomes.size() + " failed, recording one by one: " + e);
            int changed = 0;
            for (ChargeLedger.Outcome outcome : outcomes) {
                try {
                    changed += ledger.record(List.of(outcome));
                } catch (RuntimeException single) {
                    LOG.warning(() -> "Charge " + outcome.claimed().chargeId() + " not recorded: " + single);
                }
            }
            return new Pass(claimed.size(), changed, 0);
        }
    }

    /** The user states of the contracts about to be deducted, asked in parallel, kept for half a minute. */
    private Map<String, UserState> userStates(List<ChargeLedger.Claimed> claimed, PaymentChannel channel, Semaphore permits) {
        Map<String, UserState> states = new HashMap<>();
        if (!platform.checkUserState()) {
            return states;
        }
        Instant now = clock.instant();
        if (userStates.size() > 100_000) {
            userStates.clear();
        }
        Map<String, CompletableFuture<UserState>> asked = new HashMap<>();
        for (ChargeLedger.Claimed c : claimed) {
            if (c.state() != ChargeState.DUE || c.contractId() == null || asked.containsKey(c.contractId())) {
                continue;
            }
            KnownState known = userStates.get(c.contractId());
            if (known != null && known.until().isAfter(now)) {
                asked.put(c.contractId(), CompletableFuture.completedFuture(known.state()));
            } else {
                asked.put(c.contractId(), limited(permits, () -> channel.userState(c.contractId())));
            }
        }
        asked.forEach((contract, answer) -> {
            UserState state = answer.join();
            states.put(contract, state);
            if (state != UserState.UNKNOWN) {
                userStates.put(contract, new KnownState(state, now.plus(USER_STATE_KEPT)));
            }
        });
        return states;
    }

    /** Repayments whose answer is missing: send again (same number) or ask about them. */
    private int repayments() {
        List<ChargeLedger.ClaimedRepayment> claimed = ledger.claimRepayments(100);
        if (claimed.isEmpty()) {
            return 0;
        }
        PaymentChannel channel = channels.get();
        for (ChargeLedger.ClaimedRepayment r : claimed) {
            PlatformAnswer answer = r.state() == Repayment.State.ACCEPTED
                    ? channel.queryRepayment(ledger.repaymentNo(r.id())).join()
                    : channel.repay(ledger.repaymentOrder(r.id())).join();
            ledger.recordRepayment(r.id(), answer);
        }
        return claimed.size();
    }

    private static <T> CompletableFuture<T> limited(Semaphore permits, Supplier<CompletableFuture<T>> call) {
        permits.acquireUninterruptibly();
        try {
            return call.get().whenComplete((result, failure) -> permits.release());
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }
}
