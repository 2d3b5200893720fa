package cn.gov.shanwei.xinyixing.ridecode.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One revocation on the validators' blacklist. The generated key is the list's version: a
 * validator holding version n asks for the entries after n.
 */
@Entity
@Table(name = "blacklist_entry")
public class BlacklistEntry {

    /** Why a credential stopped working. */
    public enum Reason { REDLIST_REMOVED, ACCOUNT_CLOSED, PHONE_LOST, FRAUD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long version;

    @Column(name = "payment_account_no", nullable = false)
    private String paymentAccountNo;

    /** Empty: every credential of the account. */
    @Column(name = "entitlement_serial")
    private Long entitlementSerial;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Reason reason;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected BlacklistEntry() {
    }

    public BlacklistEntry(String paymentAccountNo, Long entitlementSerial, Reason reason, Instant addedAt) {
        this.paymentAccountNo = paymentAccountNo;
        this.entitlementSerial = entitlementSerial;
        this.reason = reason;
        this.addedAt = addedAt;
    }

    public long version() {
        return version;
    }

    public String paymentAccountNo() {
        return paymentAccountNo;
    }

    public Long entitlementSerial() {
        return entitlementSerial;
    }

    public Reason reason() {
        return reason;
    }
}
