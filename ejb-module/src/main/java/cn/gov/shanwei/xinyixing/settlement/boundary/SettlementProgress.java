package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Year;

/**
 * The job's writes to a version: copying a range of the year's trips into its frozen basis together
 * with the progress that says so (one transaction — the chunk's), and its end. Called by the batch
 * artifacts only; they run as the server, with no caller of their own.
 */
@Stateless
@PermitAll
public class SettlementProgress {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<SettlementCompleted> completed;

    public SettlementRun run(long runId) {
        return em.find(SettlementRun.class, runId);
    }

    /**
     * Copies the trips with ids in {@code [from, to)} ridden in the version's year, through the subsidy
     * rule's view, and moves the version's resumption point to {@code to} — in the caller's (the chunk's)
     * transaction, so the copy and the point commit or vanish together.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int copy(long runId, long from, long to) {
        SettlementRun run = em.find(SettlementRun.class, runId);
        Year year = Year.of(run.year());
        int copied = em.createNativeQuery("INSERT INTO settlement_line (run_id, trip_id, ridden_at, company_id, route_id,"
                        + " validator_id, company_code, route_no, device_id, concession, payment_account_no, policy_version_id,"
                        + " original_fen, charged_fen, discount_fen, outcome)"
                        + " SELECT ?, trip_id, ridden_at, company_id, route_id, validator_id, company_code, route_no, device_id,"
                        + " concession, payment_account_no, policy_version_id, original_fen, charged_fen, discount_fen, outcome"
                        + " FROM trip_outcome WHERE trip_id >= ? AND trip_id < ? AND ridden_at >= ? AND ridden_at < ?")
                .setParameter(1, runId).setParameter(2, from).setParameter(3, to)
                .setParameter(4, year.atDay(1).atStartOfDay()).setParameter(5, year.plusYears(1).atDay(1).atStartOfDay())
                .executeUpdate();
        em.createNativeQuery("UPDATE settlement_run SET next_trip_id = ?, rows_done = rows_done + ? WHERE id = ?")
                .setParameter(1, to).setParameter(2, copied).setParameter(3, runId).executeUpdate();
        return copied;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sealed(long runId, long subsidisedRides, long discountFen, String packageDir, String manifestSm3) {
        SettlementRun run = em.find(SettlementRun.class, runId);
        run.completed(subsidisedRides, discountFen, packageDir, manifestSm3, clock.instant());
        completed.fire(new SettlementCompleted(runId, run.year(), run.version(), subsidisedRides, discountFen, manifestSm3));
    }

    /** The job ended without sealing: stopped by an operator, or failed; either way it can be resumed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ended(long runId, boolean stopped, String why) {
        SettlementRun run = em.find(SettlementRun.class, runId);
        if (run.status() == SettlementRun.Status.COMPLETED) {
            return;
        }
        if (stopped) {
            run.stopped(why);
        } else {
            run.failed(why, clock.instant());
        }
    }
}
