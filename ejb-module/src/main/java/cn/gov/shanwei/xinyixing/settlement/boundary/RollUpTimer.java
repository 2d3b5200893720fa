package cn.gov.shanwei.xinyixing.settlement.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/**
 * The nightly roll-up at 03:15, after the day's last buses and the evening's charging. Persistent, so
 * it fires on one instance of a cluster, and a night missed while the server was down is made up when it
 * returns; the roll-up itself re-rolls every day that changed since the last night, so a missed night
 * loses nothing.
 */
@Singleton
public class RollUpTimer {

    @EJB
    RollUps rollUps;

    @Schedule(hour = "3", minute = "15", timezone = "Asia/Shanghai", persistent = true, info = "nightly-rollup")
    void nightly() {
        rollUps.nightly();
    }
}
