package cn.gov.shanwei.xinyixing.trip.rest;

import cn.gov.shanwei.xinyixing.account.rest.CitizenAuthenticated;
import cn.gov.shanwei.xinyixing.account.rest.MiniProgramResource;
import cn.gov.shanwei.xinyixing.trip.boundary.TripHistory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The citizen's own rides in the mini-program (R6): original fare, what was charged, the discount. */
@Path("mp/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@CitizenAuthenticated
@Tag(name = "mini-program")
public class CitizenTripsResource {

    @Context
    ContainerRequestContext request;

    @EJB
    TripHistory trips;

    @GET
    @Path("trips")
    @Operation(summary = "乘车记录：原价、实付与优惠 / Rides with original fare, charged fare and discount")
    public List<TripHistory.Trip> trips(@QueryParam("limit") @DefaultValue("50") int limit) {
        return trips.of(MiniProgramResource.citizenOf(request), limit);
    }
}
