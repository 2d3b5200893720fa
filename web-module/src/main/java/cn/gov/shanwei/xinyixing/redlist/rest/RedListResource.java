package cn.gov.shanwei.xinyixing.redlist.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiKeyProtected;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.redlist.boundary.IntakeResult;
import cn.gov.shanwei.xinyixing.redlist.boundary.IntakeStatus;
import cn.gov.shanwei.xinyixing.redlist.boundary.RedListIntake;
import cn.gov.shanwei.xinyixing.redlist.control.BatchJson;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    @EJB
    RedListIntake intake;

    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "推送红名单批次 / Push a signed red-list batch",
            description = "Applied whole or not at all. A re-sent identical batch is acknowledged as ALREADY_APPLIED.")
    @APIResponse(responseCode = "200", description = "APPLIED or ALREADY_APPLIED")
    @APIResponse(responseCode = "400", description = "MALFORMED_MESSAGE: not a batch")
    @APIResponse(responseCode = "413", description = "BODY_TOO_LARGE: more bytes than the largest batch needs")
    @APIResponse(responseCode = "422", description = "BATCH_REJECTED with the list of reasons")
    @MaxBodySize(value = 64 * 1024, perEntry = 1024, entriesProperty = "xinyixing.credit-platform.max-batch-entries",
            entriesDefault = 20_000)
    public IntakeResult push(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchSchema.class))) @NotNull String body) {
        // Read by hand (BatchJson) so that a wrong field is named; its refusals have their own mappers
        return intake.receive(BatchJson.read(body), "REST");
    }

    @GET
    @Path("status")
    @Operation(summary = "接收进度：最后批次与序号 / Intake status: last batch and sequence")
    public IntakeStatus status() {
        return intake.status();
    }
}
