package cn.gov.shanwei.xinyixing.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * What one trip owes and how its collection stands (R9): the fare before and after the concession,
 * our order number at the platform, and the state it has reached ({@link ChargeTransition}). Rows are
 * written by {@code Charges.owe} in the trip's transaction (a native upsert, so a repeat is a no-op
 * rather than an error that would roll the trip back) and changed only through {@link #apply}.
 */
@Entity
@Table(name = "charge")
public class Charge {

    @Id
    private Long id;

    @Column(name = "trip_id", nullable = false, updatable = false)
    private Long tripId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "payment_account_no", nullable = false, updatable = false)
    private String paymentAccountNo;

    @Column(name = "original_fen", nullable = false, updatable = false)
    private int originalFen;

    @Column(name = "charged_fen", nullable = false, updatable = false)
    private int chargedFen;

    @Column(name = "ridden_at", nullable = false, updatable = false)
    private Instant riddenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChargeState state;

    @Column(name = "order_no", nullable = false, updatable = false)
    private String orderNo;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "fail_reason")
    private String failReason;

    @Column(name = "platform_transaction_id")
    private String platformTransactionId;

    @Column(name = "repayment_no")
    private String repaymentNo;

    @Column(name = "settled_at")
    private Instant settledAt;

    /** The platform's success time of the deduction (PAID only): the day of the bill it is on. */
    @Column(name = "paid_at")
    private Instant paidAt;

    protected Charge() {
    }

    /** For rules and tests; the system's rows come from the database. */
    public Charge(Long id, Long tripId, Long accountId, int chargedFen, ChargeState state, String orderNo) {
        this.id = id;
        this.tripId = tripId;
        this.accountId = accountId;
        this.chargedFen = chargedFen;
        this.originalFen = chargedFen;
        this.state = state;
        this.orderNo = orderNo;
    }

    /**
     * Applies what happened, if it makes sense in the current state (otherwise nothing changes and
     * the result is empty). {@code nextLook} is when a worker should look again, for the states that
     * still need one (send again, or ask the platform); final states need none.
     */
    public Optional<ChargeTransition> apply(ChargeEvent event, Instant now, Instant nextLook, String reason,
                                            String transactionId) {
        return apply(event, now, nextLook, reason, transactionId, null);
    }

    /** As above, with the platform's success time of a deduction that succeeded ({@code null}: now). */
    public Optional<ChargeTransition> apply(ChargeEvent event, Instant now, Instant nextLook, String reason,
                                            String transactionId, Instant platformPaidAt) {
        Optional<ChargeTransition> transition = ChargeTransition.of(state, event);
        transition.ifPresent(t -> {
            state = t.to();
            dueAt = t.to().deductionFinal() ? null : nextLook;
            if (t.to() == ChargeState.IN_ARREARS) {
                failReason = reason;
            }
            if (transactionId != null) {
                platformTransactionId = transactionId;
            }
            if (t.to().deductionFinal()) {
                settledAt = now;
            }
            if (t.to() == ChargeState.PAID) {
                paidAt = platformPaidAt == null ? now : platformPaidAt;
            }
        });
        return transition;
    }

    /** Puts the order into a repayment (or takes it out again, with {@code null}, if that failed). */
    public void coveredBy(String repaymentNo) {
        this.repaymentNo = repaymentNo;
    }

    public Long id() {
        return id;
    }

    public Long tripId() {
        return tripId;
    }

    public Long accountId() {
        return accountId;
    }

    public int chargedFen() {
        return chargedFen;
    }

    public int originalFen() {
        return originalFen;
    }

    public Instant riddenAt() {
        return riddenAt;
    }

    public ChargeState state() {
        return state;
    }

    public String orderNo() {
        return orderNo;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String failReason() {
        return failReason;
    }

    public String repaymentNo() {
        return repaymentNo;
    }

    public Instant paidAt() {
        return paidAt;
    }
}
