package cn.gov.shanwei.xinyixing.settlement.health;

import cn.gov.shanwei.xinyixing.settlement.boundary.AnnualSettlement;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a year is overdue: due since its January run should have happened (2 January, 02:00) and
 * no version of it has completed — the database was down at 02:00, the server was off, the run failed.
 * The hourly catch-up retries it meanwhile; the year is never skipped silently. The data names the
 * overdue years, so an operator's monitor can tell this from a database outage.
 */
@Readiness
@ApplicationScoped
public class SettlementDueHealthCheck implements HealthCheck {

    @EJB
    AnnualSettlement settlement;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("annual-settlement-due");
        List<Year> overdue;
        try {
            overdue = settlement.overdueYears();
        } catch (RuntimeException databaseAway) {
            return response.down().withData("problem", "settlement state unreadable").build();
        }
        if (!overdue.isEmpty()) {
            return response.down().withData("overdue", overdue.toString())
                    .withData("problem", "settlement overdue, retried hourly").build();
        }
        return response.up().withData("nextDue", settlement.dueAt(settlement.previousYear().plusYears(1)).toString()).build();
    }
}
