package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * The undiscounted fare of a route from one day on, in fen: a fare change is a new row, so a ride is
 * always priced, and later audited, at the fare of its own day. The server prices every scan itself;
 * a validator's own figure is never trusted.
 */
@Entity
@Table(name = "route_fare")
public class RouteFare {

    /** The largest fare the system accepts, 100 yuan: a typo guard, not a policy. */
    public static final int MAX_FARE_FEN = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "route_id")
    private BusRoute route;

    @Column(name = "fare_fen", nullable = false)
    private int fareFen;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    /** Last day, inclusive; empty: until a later fare replaces it. */
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected RouteFare() {
    }

    public RouteFare(BusRoute route, int fareFen, LocalDate validFrom, LocalDate validTo) {
        if (fareFen <= 0 || fareFen > MAX_FARE_FEN) {
            throw new IllegalArgumentException("a fare is 1 to " + MAX_FARE_FEN + " fen: " + fareFen);
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("a fare cannot end before it starts");
        }
        this.route = route;
        this.fareFen = fareFen;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** Closes this fare on the day before a later one starts. */
    public void endOn(LocalDate lastDay) {
        if (lastDay.isBefore(validFrom)) {
            throw new IllegalArgumentException("a fare cannot end before it starts");
        }
        this.validTo = lastDay;
    }

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public int fareFen() {
        return fareFen;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
