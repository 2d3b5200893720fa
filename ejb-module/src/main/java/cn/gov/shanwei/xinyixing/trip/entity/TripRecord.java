package cn.gov.shanwei.xinyixing.trip.entity;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.control.Fare;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeReason;
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
 * One tap on a validator (R7, R9), accepted or not, keyed forever by (validator, device serial). An
 * accepted trip says who rode (the account and the keyed ID index, never the number), when, on which
 * route, company and validator, the concession and the rule it was priced under, and the money in fen —
 * the original fare, what the rider is charged and the discount the city pays back (R11), which always
 * add up. A refused trip keeps its reason and no money. The raw code is kept as evidence for the
 * re-verification of offline uploads and the fraud flags; its SM3 digest finds one code on two devices.
 */
@Entity
@Table(name = "trip_record")
public class TripRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "validator_id", nullable = false)
    private Long validatorId;

    @Column(name = "device_serial", nullable = false)
    private long deviceSerial;

    @Column(name = "company_id", nullable = false)
    private Long companyId;

    @Column(name = "route_id")
    private Long routeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TripSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TripState state;

    /** The server's verdict; empty while {@link TripState#PENDING}. */
    @Enumerated(EnumType.STRING)
    private RideCodeReason reason;

    /** What an offline validator decided at boarding; empty for online scans. */
    @Enumerated(EnumType.STRING)
    @Column(name = "device_verdict")
    private RideCodeReason deviceVerdict;

    /** When the code was scanned (the device's clock for offline records). */
    @Column(name = "ridden_at", nullable = false)
    private Instant riddenAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    private byte[] code;

    @Column(name = "code_digest", nullable = false)
    private byte[] codeDigest;

    /** SM3 over what the device sent for this serial: a re-sent record matches, a different one conflicts. */
    @Column(name = "content_digest", nullable = false)
    private byte[] contentDigest;

    @Column(name = "payment_account_no")
    private String paymentAccountNo;

    @Column(name = "generation_time")
    private Long generationTime;

    @Column(name = "entitlement_serial")
    private Long entitlementSerial;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "id_number_index")
    private byte[] idNumberIndex;

    @Enumerated(EnumType.STRING)
    private ConcessionType concession;

    @Column(name = "rate_basis_points")
    private Integer rateBasisPoints;

    /** The policy version in force on the day of the ride: the rule the discount is claimed under. */
    @Column(name = "policy_version_id")
    private Long policyVersionId;

    @Column(name = "original_fen", nullable = false)
    private int originalFen;

    @Column(name = "discount_fen", nullable = false)
    private int discountFen;

    @Column(name = "charged_fen", nullable = false)
    private int chargedFen;

    protected TripRecord() {
    }

    /** A tap as it arrived: not yet decided ({@link TripState#PENDING}), no money. */
    public TripRecord(Long validatorId, long deviceSerial, Long companyId, Long routeId, TripSource source,
                      Instant riddenAt, Instant receivedAt, byte[] code, byte[] codeDigest, byte[] contentDigest,
                      RideCodeReason deviceVerdict) {
        this.validatorId = validatorId;
        this.deviceSerial = deviceSerial;
        this.companyId = companyId;
        this.routeId = routeId;
        this.source = source;
        this.riddenAt = riddenAt;
        this.receivedAt = receivedAt;
        this.code = code;
        this.codeDigest = codeDigest;
        this.contentDigest = contentDigest;
        this.deviceVerdict = deviceVerdict;
        this.state = TripState.PENDING;
    }

    /** The code names this account and credential (known once it parsed, accepted or not). */
    public void identify(String paymentAccountNo, long generationTime, long entitlementSerial) {
        this.paymentAccountNo = paymentAccountNo;
        this.generationTime = generationTime;
        this.entitlementSerial = entitlementSerial;
    }

    /** The rider behind the account, for the accepted ride's history and feedback. */
    public void rider(Long accountId, byte[] idNumberIndex) {
        this.accountId = accountId;
        this.idNumberIndex = idNumberIndex;
    }

    public void accept(Fare fare, ConcessionType concession, int rateBasisPoints, Long policyVersionId) {
        this.state = TripState.ACCEPTED;
        this.reason = RideCodeReason.OK;
        this.originalFen = fare.originalFen();
        this.discountFen = fare.discountFen();
        this.chargedFen = fare.chargedFen();
        this.concession = concession;
        this.rateBasisPoints = rateBasisPoints;
        this.policyVersionId = policyVersionId;
    }

    public void refuse(RideCodeReason reason) {
        if (reason == RideCodeReason.OK) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        this.state = TripState.REFUSED;
        this.reason = reason;
        this.originalFen = 0;
        this.discountFen = 0;
        this.chargedFen = 0;
    }

    /** No fare for the ride's day: kept aside, never charged, until the fare table is corrected. */
    public void unpriced() {
        this.state = TripState.UNPRICED;
    }

    public Long id() {
        return id;
    }

    public Long validatorId() {
        return validatorId;
    }

    public long deviceSerial() {
        return deviceSerial;
    }

    public Long companyId() {
        return companyId;
    }

    public Long routeId() {
        return routeId;
    }

    public TripSource source() {
        return source;
    }

    public TripState state() {
        return state;
    }

    public RideCodeReason reason() {
        return reason;
    }

    public RideCodeReason deviceVerdict() {
        return deviceVerdict;
    }

    public Instant riddenAt() {
        return riddenAt;
    }

    public byte[] code() {
        return code;
    }

    public byte[] codeDigest() {
        return codeDigest;
    }

    public byte[] contentDigest() {
        return contentDigest;
    }

    public String paymentAccountNo() {
        return paymentAccountNo;
    }

    public Long generationTime() {
        return generationTime;
    }

    public Long accountId() {
        return accountId;
    }

    public ConcessionType concession() {
        return concession;
    }

    public Integer rateBasisPoints() {
        return rateBasisPoints;
    }

    public Long policyVersionId() {
        return policyVersionId;
    }

    public int originalFen() {
        return originalFen;
    }

    public int discountFen() {
        return discountFen;
    }

    public int chargedFen() {
        return chargedFen;
    }
}
