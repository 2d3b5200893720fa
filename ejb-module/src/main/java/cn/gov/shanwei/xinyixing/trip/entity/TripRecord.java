package cn.gov.shanwei.xinyixing.trip.entity;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
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
 * One ride as the bus charged it (R7, R9): who (the keyed ID index, never the number), when, on
 * which route and validator, the concession it carried, and the money in fen — the original fare,
 * what the rider paid and the discount the city pays back (R11), which always add up. The trip
 * area owns the table; other areas read rides through its boundaries.
 */
@Entity
@Table(name = "trip_record")
public class TripRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "id_number_index", nullable = false)
    private byte[] idNumberIndex;

    @Column(name = "ridden_at", nullable = false)
    private Instant riddenAt;

    @Column(name = "route_id")
    private Long routeId;

    @Column(name = "validator_id")
    private Long validatorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "concession")
    private ConcessionType concession;

    @Column(name = "original_fen", nullable = false)
    private int originalFen;

    @Column(name = "discount_fen", nullable = false)
    private int discountFen;

    @Column(name = "charged_fen", nullable = false)
    private int chargedFen;

    protected TripRecord() {
    }

    public Long id() {
        return id;
    }

    public Instant riddenAt() {
        return riddenAt;
    }

    public ConcessionType concession() {
        return concession;
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
