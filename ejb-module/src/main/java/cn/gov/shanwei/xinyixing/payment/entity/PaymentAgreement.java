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
 * An account's password-free payment agreement with the payment platform (R9). Its state follows
 * the platform's signed notifications; only an ACTIVE agreement lets ride credentials be issued.
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

    /** Applies a platform event; returns whether anything changed (notifications may be repeated). */
    public boolean apply(String event, String contractId, Instant now) {
        Status next = switch (event) {
            case "CONTRACT_SIGNED", "ACCOUNT_UNFROZEN" -> Status.ACTIVE;
            case "CONTRACT_REFUSED" -> Status.REFUSED;
            case "CONTRACT_TERMINATED" -> Status.CANCELLED;
            case "ACCOUNT_FROZEN", "ARREARS" -> Status.BLOCKED;
            default -> throw new IllegalArgumentException("Unknown payment event " + event);
        };
        if (next == status && event.equals(lastEvent)) {
            return false;
        }
        if (contractId != null) {
            this.contractId = contractId;
        }
        this.status = next;
        this.lastEvent = event;
        this.updatedAt = now;
        return true;
    }

    public void cancel(Instant now) {
        status = Status.CANCELLED;
        lastEvent = "CANCELLED_BY_CITIZEN";
        updatedAt = now;
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
