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
 * One authentic notification of the payment platform, kept once by its event id: a replay finds
 * it and is only acknowledged. Records what was done with it and the agreement's status before
 * and after, so a refused or outdated event can be explained later.
 */
@Entity
@Table(name = "payment_notification")
public class PaymentNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true, updatable = false)
    private String eventId;

    @Column(name = "agreement_id", nullable = false, updatable = false)
    private Long agreementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AgreementEvent event;

    @Column(name = "event_time", nullable = false, updatable = false)
    private Instant eventTime;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationOutcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before", nullable = false, updatable = false)
    private PaymentAgreement.Status statusBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, updatable = false)
    private PaymentAgreement.Status statusAfter;

    protected PaymentNotification() {
    }

    public PaymentNotification(String eventId, Long agreementId, AgreementEvent event, Instant eventTime, Instant receivedAt,
                               NotificationOutcome outcome, PaymentAgreement.Status statusBefore,
                               PaymentAgreement.Status statusAfter) {
        this.eventId = eventId;
        this.agreementId = agreementId;
        this.event = event;
        this.eventTime = eventTime;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.statusBefore = statusBefore;
        this.statusAfter = statusAfter;
    }

    public Long agreementId() {
        return agreementId;
    }

    public NotificationOutcome outcome() {
        return outcome;
    }
}
