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
import java.util.Optional;

/**
 * An account's password-free payment agreement with the payment platform (R9). Its state follows
 * the platform's signed notifications and the citizen's cancellation, as an explicit state machine
 * ({@link AgreementTransition}); only an ACTIVE agreement lets ride credentials be issued.
 */
@Entity
@Table(name = "payment_agreement")
public class PaymentAgreement {

    /** Where the agreement stands. */
    public enum Status { PENDING, ACTIVE, REFUSED, CANCELLED, BLOCKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "request_no", nullable = false, unique = true)
    private String requestNo;

    @Column(name = "contract_id")
    private String contractId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "last_event")
    private String lastEvent;

    /** The platform's time of the last event applied: older events are outdated and ignored. */
    @Column(name = "last_event_time")
    private Instant lastEventTime;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PaymentAgreement() {
    }

    public PaymentAgreement(Long accountId, String requestNo, Instant now) {
        this.accountId = accountId;
        this.requestNo = requestNo;
        this.status = Status.PENDING;
        this.updatedAt = now;
    }

    /**
     * Applies an event of the platform that happened at {@code eventTime}, following
     * {@link AgreementTransition}: an event older than the last one applied is outdated news and
     * changes nothing; one that makes no sense in the current status is refused. The caller keeps
     * the outcome; nothing here is changed unless it is {@code APPLIED}.
     */
    public Applied apply(AgreementEvent event, String contractId, Instant eventTime, Instant now) {
        if (lastEventTime != null && eventTime.isBefore(lastEventTime)) {
            return new Applied(NotificationOutcome.STALE, Optional.empty());
        }
        Optional<AgreementTransition> transition = AgreementTransition.of(status, event);
        if (transition.isEmpty()) {
            return new Applied(NotificationOutcome.TRANSITION_REFUSED, Optional.empty());
        }
        if (contractId != null && this.contractId == null) {
            this.contractId = contractId;
        }
        this.lastEventTime = eventTime;
        take(transition.get(), now);
        return new Applied(NotificationOutcome.APPLIED, transition);
    }

    /** The citizen cancels in the mini-program; empty if there is nothing in force to cancel. */
    public Optional<AgreementTransition> cancelByCitizen(Instant now) {
        Optional<AgreementTransition> transition = AgreementTransition.of(status, AgreementEvent.CANCELLED_BY_CITIZEN);
        transition.ifPresent(t -> take(t, now));
        return transition;
    }

    private void take(AgreementTransition transition, Instant now) {
        this.status = transition.to();
        this.lastEvent = transition.event().name();
        this.updatedAt = now;
    }

    /** What applying an event did, and by which transition if it was applied. */
    public record Applied(NotificationOutcome outcome, Optional<AgreementTransition> transition) {
    }

    public Long id() {
        return id;
    }

    public Long accountId() {
        return accountId;
    }

    public String requestNo() {
        return requestNo;
    }

    public String contractId() {
        return contractId;
    }

    public Status status() {
        return status;
    }
}
