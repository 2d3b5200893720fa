package cn.gov.shanwei.xinyixing.trip.rest;

import cn.gov.shanwei.xinyixing.platform.rest.Between;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestProblem;
import cn.gov.shanwei.xinyixing.platform.rest.RequestRefused;
import cn.gov.shanwei.xinyixing.trip.boundary.Devices;
import cn.gov.shanwei.xinyixing.trip.boundary.Fares;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The card operator's device register and fare table over HTTP, for scripts and the operator's own
 * tools; the staff page does the same through the same boundaries. Signed-in operator staff only
 * ({@code web.xml} and the boundaries' roles).
 */
@Path("operator/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operator", description = "运营方：验票机登记与票价 / Operator: validators and fares")
public class DevicesResource {

    /** A device to register: its id, company, route (optional) and plate. */
    public record Registration(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String deviceId,
                               @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String companyCode,
                               @Pattern(regexp = "[A-Za-z0-9_-]{1,16}") String routeNo,
                               @Pattern(regexp = ".{0,16}") String busPlate) {
    }

    /** A fare from a day on. */
    public record FareChange(@NotNull @Between(min = 1, max = 10_000) Integer fareFen,
                             @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String validFrom) {
    }

    @EJB
    Devices devices;

    @EJB
    Fares fares;

    @POST
    @Path("devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBodySize(1024)
    @Operation(summary = "登记验票机（密钥仅此一次显示）/ Register a validator (its secret is shown this once)")
    public Response register(@NotNull @Valid Registration body) {
        return Response.status(201)
                .entity(devices.register(body.deviceId(), body.companyCode(), body.routeNo(), body.busPlate())).build();
    }

    @GET
    @Path("devices")
    @Operation(summary = "验票机列表 / Validators")
    public Devices.Page list(@QueryParam("search") String search, @QueryParam("first") @DefaultValue("0") int first,
                             @QueryParam("max") @DefaultValue("50") int max) {
        return devices.list(search, first, max);
    }

    @POST
    @Path("devices/{deviceId}/disable")
    @Operation(summary = "停用验票机 / Disable a validator")
    public Devices.Device disable(@PathParam("deviceId") String deviceId) {
        return devices.disable(deviceId);
    }

    @POST
    @Path("devices/{deviceId}/enable")
    @Operation(summary = "启用验票机 / Enable a validator")
    public Devices.Device enable(@PathParam("deviceId") String deviceId) {
        return devices.enable(deviceId);
    }

    @POST
    @Path("devices/{deviceId}/secret")
    @Operation(summary = "更换设备密钥（旧密钥立即失效）/ Renew a validator's secret (the old one stops at once)")
    public Devices.Issued renewSecret(@PathParam("deviceId") String deviceId) {
        return devices.renewSecret(deviceId);
    }

    @POST
    @Path("companies/{companyCode}/routes/{routeNo}/fares")
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBodySize(256)
    @Operation(summary = "调整线路票价（自某日起）/ Change a route's fare from a day on")
    public Response changeFare(@PathParam("companyCode") String companyCode, @PathParam("routeNo") String routeNo,
                               @NotNull @Valid FareChange body) {
        LocalDate from;
        try {
            from = LocalDate.parse(body.validFrom());
        } catch (DateTimeParseException e) {
            throw new RequestRefused(RequestProblem.REQUEST_INVALID, "validFrom: no such day");
        }
        return Response.status(201).entity(fares.change(companyCode, routeNo, body.fareFen(), from)).build();
    }

    @GET
    @Path("companies/{companyCode}/routes/{routeNo}/fares")
    @Operation(summary = "线路票价历史 / A route's fares")
    public List<Fares.Fare> fares(@PathParam("companyCode") String companyCode, @PathParam("routeNo") String routeNo) {
        return fares.of(companyCode, routeNo);
    }
}
