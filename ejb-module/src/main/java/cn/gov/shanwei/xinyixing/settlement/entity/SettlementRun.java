package cn.gov.shanwei.xinyixing.settlement.entity;

import jakarta.persistence.Cacheable;
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
 * One version of a year's settlement. A year may have several: a re-run never replaces a result, it
 * adds the next version with its reason, and the subsidy workflow works on the version it accepted.
 * The batch job that builds the version keeps its progress here ({@link #nextTripId()}), written in the
 * same transaction as each chunk, so a run that dies — even with the server killed — resumes from its
 * last committed chunk.
 */
@Entity
@Table(name = "settlement_run")
@Cacheable(false)
public class SettlementRun {

    public enum Status {
        /** Building: the job is copying the year's trips, writing the files or sealing them. */
        RUNNING,
        COMPLETED,
        /** Stopped by an operator, or by the job failing; resumable. */
        STOPPED,
        FAILED;

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }

    public enum Trigger { TIMER, STAFF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "settlement_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_source", nullable = false)
    private Trigger trigger;

    private String reason;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "execution_id")
    private Long executionId;

    @Column(name = "next_trip_id", nullable = false)
    private long nextTripId;

    @Column(name = "last_trip_id", nullable = false)
    private long lastTripId;

    @Column(name = "rows_total", nullable = false)
    private long rowsTotal;

    @Column(name = "rows_done", nullable = false)
    private long rowsDone;

    @Column(name = "subsidised_rides")
    private Long subsidisedRides;

    @Column(name = "discount_fen")
    private Long discountFen;

    @Column(name = "package_dir")
    private String packageDir;

    @Column(name = "manifest_sm3")
    private String manifestSm3;

    private String failure;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected SettlementRun() {
    }

    /**
     * A new version of the year, covering the trips with ids {@code firstTripId..lastTripId} ridden in it:
     * the trips as they stand now; what arrives later goes into a later version.
     */
    public SettlementRun(int year, int version, Trigger trigger, String reason, String startedBy, Instant startedAt,
                         long firstTripId, long lastTripId, long rowsTotal) {
        this.year = year;
        this.version = version;
        this.status = Status.RUNNING;
        this.trigger = trigger;
        this.reason = reason;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.nextTripId = firstTripId;
        this.lastTripId = lastTripId;
        this.rowsTotal = rowsTotal;
    }

    public void executing(long executionId) {
        this.executionId = executionId;
        this.status = Status.RUNNING;
        this.failure = null;
    }

    public void stopped(String why) {
        this.status = Status.STOPPED;
        this.failure = why;
    }

    public void failed(String why, Instant at) {
        this.status = Status.FAILED;
        this.failure = why;
        this.finishedAt = at;
    }

    public void completed(long subsidisedRides, long discountFen, String packageDir, String manifestSm3, Instant at) {
        this.status = Status.COMPLETED;
        this.subsidisedRides = subsidisedRides;
        this.discountFen = discountFen;
        this.packageDir = packageDir;
        this.manifestSm3 = manifestSm3;
        this.finishedAt = at;
        this.failure = null;
    }

    public long id() {
        return id;
    }

    public int year() {
        return year;
    }

    public int version() {
        return version;
    }

    public Status status() {
        return status;
    }

    public Trigger trigger() {
        return trigger;
    }

    public String reason() {
        return reason;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Long executionId() {
        return executionId;
    }

    public long nextTripId() {
        return nextTripId;
    }

    public long lastTripId() {
        return lastTripId;
    }

    public long rowsTotal() {
        return rowsTotal;
    }

    public long rowsDone() {
        return rowsDone;
    }

    public Long subsidisedRides() {
        return subsidisedRides;
    }

    public Long discountFen() {
        return discountFen;
    }

    public String packageDir() {
        return packageDir;
    }

    public String manifestSm3() {
        return manifestSm3;
    }

    public String failure() {
        return failure;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
