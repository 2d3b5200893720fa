package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A QR validator mounted on a bus: it belongs to a company, serves one route (whose fare the server
 * applies) and signs every request with its own secret, kept here encrypted. A disabled validator is
 * refused at once; its trips stay.
 */
@Entity
@Table(name = "validator")
// Not in the shared cache: every request reads the device afresh, so a disable on one instance stops it on all
@Cacheable(false)
public class Validator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "device_id", nullable = false, unique = true)
    private String deviceId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "company_id")
    private BusCompany company;

    @ManyToOne
    @JoinColumn(name = "route_id")
    private BusRoute route;

    @Column(name = "bus_plate", nullable = false)
    private String busPlate;

    private boolean active;

    /** The signing secret, SM4-GCM under the key-encryption key, bound to the device id. */
    @Column(name = "secret_cipher")
    private byte[] secretCipher;

    @Column(name = "registered_at")
    private Instant registeredAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    /** Records the device said it still holds for upload, at its last synchronisation. */
    @Column(name = "reported_backlog")
    private Integer reportedBacklog;

    protected Validator() {
    }

    public Validator(String deviceId, BusCompany company, BusRoute route, String busPlate, byte[] secretCipher,
                     Instant registeredAt) {
        if (route != null && !route.company().code().equals(company.code())) {
            throw new IllegalArgumentException("a validator serves a route of its own company");
        }
        this.deviceId = deviceId;
        this.company = company;
        this.route = route;
        this.busPlate = busPlate;
        this.secretCipher = secretCipher;
        this.registeredAt = registeredAt;
        this.active = true;
    }

    public void disable(Instant at) {
        active = false;
        disabledAt = at;
    }

    public void enable() {
        active = true;
        disabledAt = null;
    }

    /** A new secret: the old one stops working at once (a validator replaced or its secret leaked). */
    public void replaceSecret(byte[] cipher) {
        secretCipher = cipher;
    }

    public void seen(Instant at, Integer backlog) {
        lastSeenAt = at;
        if (backlog != null) {
            reportedBacklog = backlog;
        }
    }

    public Long id() {
        return id;
    }

    public String deviceId() {
        return deviceId;
    }

    public BusCompany company() {
        return company;
    }

    public BusRoute route() {
        return route;
    }

    public String busPlate() {
        return busPlate;
    }

    public boolean active() {
        return active;
    }

    public byte[] secretCipher() {
        return secretCipher;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Integer reportedBacklog() {
        return reportedBacklog;
    }
}
