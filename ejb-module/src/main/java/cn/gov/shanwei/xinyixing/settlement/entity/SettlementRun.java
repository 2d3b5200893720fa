package cn.gov.shanwei.xinyixing.settlement.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The settlement of one year's discounted rides. The year is the key, which is what makes the
 * annual run safe to trigger twice (timer after a restart, or by hand from the staff pages).
 */
@Entity
@Table(name = "settlement_run")
public class SettlementRun {

    public enum Status { AWAITING_DATA }

    public enum Trigger { TIMER, STAFF }

    @Id
    @Column(name = "settlement_year")
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_source", nullable = false)
    private Trigger trigger;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected SettlementRun() {
    }

    public SettlementRun(int year, Trigger trigger, Instant startedAt) {
        this.year = year;
        this.status = Status.AWAITING_DATA;
        this.trigger = trigger;
        this.startedAt = startedAt;
    }

    public int year() {
        return year;
    }

    public Status status() {
        return status;
    }

    public Trigger trigger() {
        return trigger;
    }
}
