package cn.gov.shanwei.xinyixing.account.entity;

import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A citizen's ride account (R9): the account numbers the ride code carries, the type chosen at
 * opening, and the consent it was opened under. Closing it keeps only what the settlement of past
 * rides needs: the keyed index, masks and numbers; the ID cipher and contact data are erased.
 */
@Entity
@Table(name = "citizen_account")
public class CitizenAccount {

    /** Named in the associated data of the ID-number cipher. */
    public static final String TABLE = "citizen_account";

    public enum Status { OPEN, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private ProtectedIdNumber idNumber;

    @Column(name = "name_masked", nullable = false)
    private String nameMasked;

    @Column(name = "phone_masked")
    private String phoneMasked;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false)
    private AccountType accountType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "payment_account_no", nullable = false)
    private String paymentAccountNo;

    @Column(name = "user_account_no", nullable = false)
    private String userAccountNo;

    @Column(name = "consent_version", nullable = false)
    private String consentVersion;

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "entitlement_serial")
    private Long entitlementSerial;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Two transactions changing one account (a serial taken, a closure) never overwrite each other. */
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected CitizenAccount() {
    }

    public CitizenAccount(ProtectedIdNumber idNumber, String nameMasked,
                          String phoneMasked, AccountType accountType, String paymentAccountNo, String userAccountNo,
                          String consentVersion, Instant now) {
        this.idNumber = idNumber;
        this.nameMasked = nameMasked;
        this.phoneMasked = phoneMasked;
        this.accountType = accountType;
        this.status = Status.OPEN;
        this.paymentAccountNo = paymentAccountNo;
        this.userAccountNo = userAccountNo;
        this.consentVersion = consentVersion;
        this.consentedAt = now;
        this.openedAt = now;
    }

    /**
     * Erases what the law lets us erase; the numbers stay so past rides still settle.
     *
     * @throws IllegalStateException if the account is already closed
     */
    public void close(Instant now) {
        if (status == Status.CLOSED) {
            throw new IllegalStateException("account already closed");
        }
        status = Status.CLOSED;
        closedAt = now;
        idNumber = idNumber.withoutCipher();
        phoneMasked = null;
        nameMasked = "*";
    }

    /** Each credential carries a new serial, so one can be revoked without the others. */
    public long nextEntitlementSerial() {
        entitlementSerial = entitlementSerial == null ? 1 : entitlementSerial + 1;
        return entitlementSerial;
    }

    public Long id() {
        return id;
    }

    public Long entitlementSerial() {
        return entitlementSerial;
    }

    public AccountType accountType() {
        return accountType;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Status status() {
        return status;
    }

    public String paymentAccountNo() {
        return paymentAccountNo;
    }

    public String userAccountNo() {
        return userAccountNo;
    }

    public String idNumberMasked() {
        return idNumber.masked();
    }

    public ProtectedIdNumber idNumber() {
        return idNumber;
    }

    public String nameMasked() {
        return nameMasked;
    }

    public String phoneMasked() {
        return phoneMasked;
    }

    public String consentVersion() {
        return consentVersion;
    }

    public Instant openedAt() {
        return openedAt;
    }
}
