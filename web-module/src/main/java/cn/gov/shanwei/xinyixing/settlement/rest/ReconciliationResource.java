package cn.gov.shanwei.xinyixing.settlement.rest;

import cn.gov.shanwei.xinyixing.platform.clock.ClockProducer;
import cn.gov.shanwei.xinyixing.settlement.boundary.Reconciliations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The daily reconciliation against the payment platform's bills, for the card operator's staff and scripts:
 * a day's result with every difference, the days of a year, and reconciling a day (or every day still due) now.
 */
@Path("operator/v1/reconciliation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reconciliation", description = "账单对账 / Reconciliation against the payment platform's daily bills")
public class ReconciliationResource {

    @EJB
    Reconciliations reconciliations;

    @GET
    @Operation(summary = "某年各日对账结果 / The reconciled days of a year (this year if not given)")
    public List<Reconciliations.Day> days(@QueryParam("year") Integer year) {
        return reconciliations.days(year == null ? Year.now(ClockProducer.SHANWEI)
                : Year.of(Math.max(2000, Math.min(2100, year))));
    }

    @GET
    @Path("{date}")
    @Operation(summary = "某日对账结果及差异 / A day's result and its differences")
    public Reconciliations.Reconciled day(@PathParam("date") String date) {
        return reconciliations.day(SettlementResource.parseDay(date));
    }

    @POST
    @Path("{date}")
    @Operation(summary = "立即对账某日 / Reconcile a day now (fetches the day's bill again)")
    public Reconciliations.Reconciled reconcile(@PathParam("date") String date) {
        LocalDate day = SettlementResource.parseDay(date);
        return reconciliations.reconcile(day);
    }

    @POST
    @Path("due")
    @Operation(summary = "对账所有待对账的日期 / Reconcile every day still due, as the timer does")
    public List<Reconciliations.Day> due() {
        return reconciliations.catchUpByHand();
    }
}
