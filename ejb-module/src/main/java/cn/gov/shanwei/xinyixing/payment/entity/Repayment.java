package cn.gov.shanwei.xinyixing.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A repayment (补缴): the citizen asks, and the platform collects, in one go, every order of the
 * account in arrears at that moment. Its number is new and the orders it covers point to it
 * ({@code charge.repayment_no}), so the platform and our books link it to the orders that failed.
 */
@Entity
@Table(name = "charge_repayment")
public class Repayment {

    /** Where a repayment stands; SUCCEEDED and FAILED are final (a failed one may be asked again, anew). */
    public enum State {
        /** Written; to be sent (again, same number, if the platform did not answer). */
        REQUESTED,
        /** The platform took it; the result comes by notification or query. */
        ACCEPTED,
        SUCCEEDED,
        FAILED;

        public boolean pending() {
            return this == REQUESTED || this == ACCEPTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repayment_no", nullable = false, updatable = false)
    private String repaymentNo;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "contract_id", nullable = false, updatable = false)
    private String contractId;

    @Column(name = "amount_fen", nullable = false, updatable = false)
    private long amountFen;

    @Column(name = "order_count", nullable = false, updatable = false)
    private int orderCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "fail_reason")
    private String failReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    /** The platform's success time (SUCCEEDED only): the day of the bill it is on. */
    @Column(name = "paid_at")
    private Instant paidAt;

    protected Repayment() {
    }

    public Repayment(String repaymentNo, Long accountId, String contractId, long amountFen, int orderCount, Instant now) {
        this.repaymentNo = repaymentNo;
        this.accountId = accountId;
        this.contractId = contractId;
        this.amountFen = amountFen;
        this.orderCount = orderCount;
        this.state = State.REQUESTED;
        this.dueAt = now;
        this.createdAt = now;
    }

    /** The platform took it: ask about it at {@code nextLook} unless a notification comes first. */
    public boolean accepted(Instant nextLook) {
        if (!state.pending()) {
            return false;
        }
        state = State.ACCEPTED;
        dueAt = nextLook;
        return true;
    }

    /** No answer: send again (same number) at {@code nextLook}. */
    public void notReceived(Instant nextLook) {
        if (state.pending()) {
            state = State.REQUESTED;
            dueAt = nextLook;
        }
    }

    /** Final; {@code false} if it already was final (a repeat changes nothing). */
    public boolean succeeded(Instant now) {
        return succeeded(now, null);
    }

    /** As above, with the platform's success time ({@code null}: now). */
    public boolean succeeded(Instant now, Instant platformPaidAt) {
        boolean finished = finish(State.SUCCEEDED, null, now);
        if (finished) {
            paidAt = platformPaidAt == null ? now : platformPaidAt;
        }
        return finished;
    }

    public boolean failed(String reason, Instant now) {
        return finish(State.FAILED, reason, now);
    }

    private boolean finish(State to, String reason, Instant now) {
        if (!state.pending()) {
            return false;
        }
        state = to;
        failReason = reason;
        dueAt = null;
        settledAt = now;
        return true;
    }

    public void attempted() {
        attempts++;
    }

    public Long id() {
        return id;
    }

    public String repaymentNo() {
        return repaymentNo;
    }

    public Long accountId() {
        return accountId;
    }

    public String contractId() {
        return contractId;
    }

    public long amountFen() {
        return amountFen;
    }

    public int orderCount() {
        return orderCount;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String failReason() {
        return failReason;
    }
}
