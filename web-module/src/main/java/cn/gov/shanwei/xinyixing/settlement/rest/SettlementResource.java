package cn.gov.shanwei.xinyixing.settlement.rest;

import cn.gov.shanwei.xinyixing.platform.rest.Between;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestProblem;
import cn.gov.shanwei.xinyixing.platform.rest.RequestRefused;
import cn.gov.shanwei.xinyixing.settlement.boundary.AnnualSettlement;
import cn.gov.shanwei.xinyixing.settlement.boundary.PackageVerification;
import cn.gov.shanwei.xinyixing.settlement.boundary.RollUps;
import cn.gov.shanwei.xinyixing.settlement.control.RollUpGroup;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The settlement over HTTP for the card operator's staff and scripts (the staff page does the same
 * through the same boundaries): versions of a year's settlement and their progress as the batch runtime
 * reports it, the sealed files and their verification, and the nightly roll-ups.
 */
@Path("operator/v1/settlement")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "settlement", description = "年度结算与日汇总 / The annual settlement and the nightly roll-ups")
public class SettlementResource {

    /** A new version: the year, why (required once a version has completed), and how finely it resumes. */
    public record Start(@NotNull @Between(min = 2000, max = 2100) Integer year, @Pattern(regexp = "(?s).{0,500}") String reason,
                        @Between(min = 1, max = 10_000_000) Integer idsPerCheckpoint) {
    }

    /** One roll-up row. */
    public record Group(long companyId, long routeId, String concession, String outcome, long rides, long originalFen,
                        long chargedFen, long discountFen) {
        static Group of(RollUpGroup group, Totals totals) {
            return new Group(group.companyId(), group.routeId(), group.concession(), group.outcome().name(), totals.rides(),
                    totals.originalFen(), totals.chargedFen(), totals.discountFen());
        }
    }

    /** A day as rolled up, with its adjustments. */
    public record Day(String day, boolean closed, List<Group> groups, List<Group> adjustments) {
        static Day of(RollUps.DayRolled rolled) {
            return new Day(rolled.day().toString(), rolled.closed(), groupsOf(rolled.groups()),
                    rolled.adjustments().stream().map(c -> Group.of(c.group(), c.delta())).toList());
        }
    }

    /** A stored adjustment. */
    public record Adjustment(String adjustedAt, Group delta) {
    }

    @EJB
    AnnualSettlement settlement;

    @EJB
    RollUps rollUps;

    @EJB
    PackageVerification verification;

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBodySize(1024)
    @Operation(summary = "开始一个年度结算版本 / Start a version of a year's settlement")
    public Response start(@NotNull @Valid Start body) {
        Long ids = body.idsPerCheckpoint() == null ? null : body.idsPerCheckpoint().longValue();
        return Response.status(202).entity(settlement.start(Year.of(body.year()), body.reason(), ids)).build();
    }

    @GET
    @Path("runs")
    @Operation(summary = "结算版本 / Settlement versions")
    public List<AnnualSettlement.Run> runs() {
        return settlement.runs();
    }

    @GET
    @Path("runs/{id}")
    @Operation(summary = "结算版本及进度 / A version and its progress")
    public AnnualSettlement.Run run(@PathParam("id") long id) {
        return settlement.run(id);
    }

    @POST
    @Path("runs/{id}/stop")
    @Operation(summary = "暂停 / Stop a running version (it can be resumed)")
    public AnnualSettlement.Run stop(@PathParam("id") long id) {
        return settlement.stop(id);
    }

    @POST
    @Path("runs/{id}/resume")
    @Operation(summary = "从上一检查点继续 / Resume a version from its last checkpoint")
    public AnnualSettlement.Run resume(@PathParam("id") long id) {
        return settlement.resume(id);
    }

    @POST
    @Path("runs/{id}/verify")
    @Operation(summary = "校验封存的结算包 / Verify a sealed package")
    public PackageVerification.Result verify(@PathParam("id") long id) {
        return verification.verify(id);
    }

    @GET
    @Path("runs/{id}/files/{name}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "下载结算包文件 / Download a file of a sealed package")
    public Response file(@PathParam("id") long id, @PathParam("name") String name) {
        java.nio.file.Path file = settlement.file(id, name);
        return Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }

    @GET
    @Path("public-key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "结算包签名公钥（压缩 SM2，十六进制）/ The package signing public key (compressed SM2, hex)")
    public String publicKey() {
        return verification.publicKeyHex();
    }

    @GET
    @Path("overdue")
    @Operation(summary = "逾期未结算的年度 / Years due and not settled")
    public List<Integer> overdue() {
        return settlement.overdueYears().stream().map(Year::getValue).toList();
    }

    @POST
    @Path("rollups/nightly")
    @Operation(summary = "执行夜间日汇总 / Run the nightly roll-up now")
    public List<Day> nightly() {
        return rollUps.nightlyByHand().stream().map(Day::of).toList();
    }

    @POST
    @Path("rollups/{day}")
    @Operation(summary = "重新汇总某日 / Roll one day up again")
    public Day rollUp(@PathParam("day") String day) {
        return Day.of(rollUps.rollUp(parseDay(day)));
    }

    @GET
    @Path("rollups/{day}")
    @Operation(summary = "某日汇总 / A day's roll-up")
    public List<Group> rolledDay(@PathParam("day") String day) {
        return groupsOf(rollUps.day(parseDay(day)));
    }

    @GET
    @Path("rollups/{day}/adjustments")
    @Operation(summary = "某日的调整 / A day's adjustments")
    public List<Adjustment> adjustments(@PathParam("day") String day) {
        return rollUps.adjustments(parseDay(day)).stream()
                .map(a -> new Adjustment(a.adjustedAt().toString(), Group.of(a.group(), a.delta()))).toList();
    }

    static List<Group> groupsOf(Map<RollUpGroup, Totals> groups) {
        return groups.entrySet().stream().map(e -> Group.of(e.getKey(), e.getValue())).toList();
    }

    static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RequestRefused(RequestProblem.REQUEST_INVALID, "day: expected YYYY-MM-DD");
        }
    }
}
