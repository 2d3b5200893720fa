package cn.gov.shanwei.xinyixing.settlement.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/**
 * The daily reconciliation: every hour from 10:30, when the platforms have made yesterday's bill, to the
 * evening, so a bill that was late or could not be had is tried again the same day. Persistent, so it fires
 * on one instance of a cluster; each run only matches the days still due, so the later runs are cheap.
 */
@Singleton
public class ReconciliationTimer {

    @EJB
    Reconciliations reconciliations;

    @Schedule(hour = "10-22", minute = "30", timezone = "Asia/Shanghai", persistent = true, info = "daily-reconciliation")
    void hourly() {
        reconciliations.catchUp();
    }
}
