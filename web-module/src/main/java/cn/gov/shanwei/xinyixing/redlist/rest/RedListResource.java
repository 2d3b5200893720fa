package cn.gov.shanwei.xinyixing.redlist.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.platform.rest.ApiKeyProtected;
import cn.gov.shanwei.xinyixing.redlist.boundary.BatchRejectedException;
import cn.gov.shanwei.xinyixing.redlist.boundary.IntakeResult;
import cn.gov.shanwei.xinyixing.redlist.boundary.IntakeStatus;
import cn.gov.shanwei.xinyixing.redlist.boundary.RedListIntake;
import cn.gov.shanwei.xinyixing.redlist.control.BatchJson;
import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The credit platform's REST interface (R1): push a signed batch, read the intake status. Every
 * call carries the platform's API key ({@code X-Api-Key}). The usage feedback has its own
 * resource and credential ({@link UsageFeedbackResource}).
 */
@Path("credit/v1/redlist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit-platform", description = "信用汕尾红名单接口 / Red-list interface for the credit platform")
@ApiKeyProtected("xinyixing.credit-platform.api-key")
public class RedListResource {

    /** The body of a refused batch: every reason with its entry index (-1: the batch as a whole). */
    public record BatchRejection(String code, String message, List<Rejection> rejections) {
    }

    @EJB
    RedListIntake intake;

    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "推送红名单批次 / Push a signed red-list batch",
            description = "Applied whole or not at all. A re-sent identical batch is acknowledged as ALREADY_APPLIED.")
    @APIResponse(responseCode = "200", description = "APPLIED or ALREADY_APPLIED")
    @APIResponse(responseCode = "400", description = "MALFORMED_MESSAGE: not a batch")
    @APIResponse(responseCode = "422", description = "BATCH_REJECTED with the list of reasons")
    public Response push(String body) {
        try {
            IntakeResult result = intake.receive(BatchJson.read(body), "REST");
            return Response.ok(result).build();
        } catch (BatchJson.MalformedBatchException e) {
            return Response.status(400).entity(new ApiError("MALFORMED_MESSAGE",
                    "报文格式错误 / The message is malformed: " + e.getMessage())).build();
        } catch (BatchRejectedException e) {
            return Response.status(422).entity(new BatchRejection("BATCH_REJECTED",
                    "批次被拒绝，未做任何更改 / The batch was rejected; nothing was changed", e.rejections())).build();
        }
    }

    @GET
    @Path("status")
    @Operation(summary = "接收进度：最后批次与序号 / Intake status: last batch and sequence")
    public IntakeStatus status() {
        return intake.status();
    }
}
