package cn.gov.shanwei.xinyixing.settlement.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Triggers the settlement. The January timer is persistent, kept in the database by the server, so it
 * survives restarts and fires once per year (a timeout missed while the server was down is delivered
 * when it comes back). Should it fire into a dead database, nothing is lost: the hourly catch-up asks
 * again for every year that is due and not settled, and the health check reports the year overdue
 * meanwhile. At start-up, a version whose execution died with the previous server is resumed.
 */
@Singleton
@Startup
public class AnnualSettlementTimer {

    private static final Logger LOG = Logger.getLogger(AnnualSettlementTimer.class.getName());
    static final String INFO = "annual-settlement";

    @EJB
    AnnualSettlement settlement;

    @Resource
    TimerService timerService;

    /** Once the application is up (a job cannot start while its application is still deploying). */
    @PostConstruct
    void afterStart() {
        timerService.createSingleActionTimer(5_000, new TimerConfig("resume-orphans", false));
    }

    @Timeout
    void resumeOrphans() {
        try {
            settlement.resumeOrphans();
        } catch (RuntimeException e) {
            // The database may not be there yet; the hourly catch-up tries again
            LOG.warning(() -> "Settlement runs could not be checked at start-up: " + e);
        }
    }

    @Schedule(month = "1", dayOfMonth = "2", hour = "2", minute = "0", second = "0",
            timezone = "Asia/Shanghai", persistent = true, info = INFO)
    void onSchedule() {
        settlement.settleDue();
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void catchUp() {
        settlement.resumeOrphans();
        settlement.settleDue();
    }

    /** When the January timer fires next, or empty if it is not registered (a health check reads this). */
    public Optional<Instant> nextRun() {
        return timerService.getTimers().stream()
                .filter(timer -> INFO.equals(timer.getInfo()))
                .map(Timer::getNextTimeout)
                .map(java.util.Date::toInstant)
                .findFirst();
    }

    /** Whether the January timer is a persistent one (the server keeps it in the database). */
    public boolean persistent() {
        return timerService.getTimers().stream().filter(timer -> INFO.equals(timer.getInfo())).anyMatch(Timer::isPersistent);
    }
}
