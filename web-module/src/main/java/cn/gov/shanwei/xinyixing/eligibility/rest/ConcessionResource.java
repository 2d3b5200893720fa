package cn.gov.shanwei.xinyixing.eligibility.rest;

import cn.gov.shanwei.xinyixing.eligibility.boundary.ConcessionRegister;
import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.platform.rest.ApiKeyProtected;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The card operator sends the other concessions it knows from its account types (elderly,
 * servicemen, disabled, students …), so that no ride carries two concessions (R4).
 */
@Path("operator/v1/concessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "card-operator", description = "一卡通运营单位接口 / Card operator interface")
@ApiKeyProtected("xinyixing.card-operator.api-key")
public class ConcessionResource {

    /** Result of an import, or its problems ("row: CODE"). */
    public record ImportOutcome(String code, int imported, List<String> problems) {
    }

    @EJB
    ConcessionRegister register;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入其他优惠身份（整批替换所涉人员）/ Import other concessions, replacing those of the people named")
    public Response replace(List<ConcessionRegister.Holding> holdings) {
        if (holdings == null || holdings.isEmpty()) {
            return Response.status(400).entity(new ApiError("EMPTY_IMPORT", "没有导入数据 / Nothing to import")).build();
        }
        try {
            return Response.ok(new ImportOutcome("IMPORTED", register.replace(holdings), List.of())).build();
        } catch (ConcessionRegister.ImportRefused e) {
            return Response.status(422).entity(new ImportOutcome("IMPORT_REJECTED", 0, e.problems())).build();
        }
    }
}
