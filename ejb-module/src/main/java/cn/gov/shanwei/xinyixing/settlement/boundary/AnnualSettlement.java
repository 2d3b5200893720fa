package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Year;
import java.util.logging.Logger;

/**
 * Opens the settlement of a year's discounted rides (R10, R11). Idempotent: a second call for the
 * same year returns the run that exists, so the January timer, a restart and a click by staff
 * cannot open a year twice. Computing the detail and summary builds on this run.
 */
@Stateless
public class AnnualSettlement {

    private static final Logger LOG = Logger.getLogger(AnnualSettlement.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The year that January's run settles: the one that has just ended. */
    public Year previousYear() {
        return Year.now(clock).minusYears(1);
    }

    public SettlementRun open(Year year, SettlementRun.Trigger trigger) {
        SettlementRun existing = em.find(SettlementRun.class, year.getValue(), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            return existing;
        }
        SettlementRun run = new SettlementRun(year.getValue(), trigger, clock.instant());
        em.persist(run);
        LOG.info(() -> "Settlement of " + year + " opened by " + trigger);
        return run;
    }
}
