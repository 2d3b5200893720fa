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
 * One authentic notification about a deduction or a repayment, kept once by its event id: a replay
 * finds it and is only acknowledged. Records the order's (or repayment's) state before and after.
 */
@Entity
@Table(name = "charge_notification")
public class ChargeNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true, updatable = false)
    private String eventId;

    @Column(nullable = false, updatable = false)
    private String event;

    @Column(name = "reference_no", nullable = false, updatable = false)
    private String referenceNo;

    @Column(name = "event_time", nullable = false, updatable = false)
    private Instant eventTime;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationOutcome outcome;

    @Column(name = "state_before", nullable = false, updatable = false)
    private String stateBefore;

    @Column(name = "state_after", nullable = false, updatable = false)
    private String stateAfter;

    protected ChargeNotification() {
    }

    public ChargeNotification(String eventId, String event, String referenceNo, Instant eventTime, Instant receivedAt,
                              NotificationOutcome outcome, String stateBefore, String stateAfter) {
        this.eventId = eventId;
        this.event = event;
        this.referenceNo = referenceNo;
        this.eventTime = eventTime;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.stateBefore = stateBefore;
        this.stateAfter = stateAfter;
    }

    public String referenceNo() {
        return referenceNo;
    }

    public NotificationOutcome outcome() {
        return outcome;
    }
}
