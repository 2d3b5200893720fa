package cn.gov.shanwei.xinyixing.ridecode.entity;

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
 * One revocation on the validators' blacklist: a cut-off that stops every entitlement serial of an
 * account up to and including {@link #revokedUpToSerial()}, or every serial when that is empty. A
 * validator therefore keeps one number per account, and a credential fetched on a new phone before
 * the old one was reported lost stops as well. The generated key is the list's version: a
 * validator holding version n asks for the entries after n.
 */
@Entity
@Table(name = "blacklist_entry")
public class BlacklistEntry {

    /** Why a credential stopped working. */
    public enum Reason { REDLIST_REMOVED, OTHER_CONCESSION, ACCOUNT_CLOSED, PHONE_LOST, PAYMENT_BLOCKED,
        PAYMENT_CANCELLED, FRAUD, ARREARS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long version;

    @Column(name = "payment_account_no", nullable = false)
    private String paymentAccountNo;

    /** Empty: every credential of the account, now and later. */
    @Column(name = "revoked_up_to_serial")
    private Long revokedUpToSerial;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Reason reason;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected BlacklistEntry() {
    }

    public BlacklistEntry(String paymentAccountNo, Long revokedUpToSerial, Reason reason, Instant addedAt) {
        this.paymentAccountNo = paymentAccountNo;
        this.revokedUpToSerial = revokedUpToSerial;
        this.reason = reason;
        this.addedAt = addedAt;
    }

    public long version() {
        return version;
    }

    public String paymentAccountNo() {
        return paymentAccountNo;
    }

    public Long revokedUpToSerial() {
        return revokedUpToSerial;
    }


    public Reason reason() {
        return reason;
    }
}
