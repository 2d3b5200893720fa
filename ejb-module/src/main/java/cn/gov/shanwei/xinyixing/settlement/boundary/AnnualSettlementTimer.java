package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.settlement.entity.SettlementRun;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import java.time.Instant;
import java.util.Optional;

/**
 * Triggers the annual settlement early in January, after the card operator's data for the year
 * that ended is due (R10: by the end of January; the run waits for it). The timer is persistent,
 * kept in the database by the server, so it survives restarts and fires once per year.
 */
@Singleton
public class AnnualSettlementTimer {

    static final String INFO = "annual-settlement";

    @EJB
    AnnualSettlement settlement;

    @Resource
    TimerService timerService;

    @Schedule(month = "1", dayOfMonth = "2", hour = "2", minute = "0", second = "0",
            timezone = "Asia/Shanghai", persistent = true, info = INFO)
    void onSchedule() {
        settlement.open(settlement.previousYear(), SettlementRun.Trigger.TIMER);
    }

    /** When the timer fires next, or empty if it is not registered (a health check reads this). */
    public Optional<Instant> nextRun() {
        return timerService.getTimers().stream()
                .filter(timer -> INFO.equals(timer.getInfo()))
                .map(Timer::getNextTimeout)
                .map(java.util.Date::toInstant)
                .findFirst();
    }
}
