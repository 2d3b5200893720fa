package cn.gov.shanwei.xinyixing.settlement.health;

import cn.gov.shanwei.xinyixing.settlement.boundary.AnnualSettlementTimer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only if the annual settlement timer is registered and persistent: a server whose persistent
 * timers were lost would otherwise miss January silently.
 */
@Readiness
@ApplicationScoped
public class SettlementTimerHealthCheck implements HealthCheck {

    @EJB
    AnnualSettlementTimer timer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("annual-settlement-timer");
        var next = timer.nextRun();
        if (next.isEmpty()) {
            return response.down().withData("problem", "timer not registered").build();
        }
        response.withData("nextRun", next.get().toString()).withData("persistent", timer.persistent());
        return (timer.persistent() ? response.up() : response.down().withData("problem", "timer not persistent")).build();
    }
}
