package cn.gov.shanwei.xinyixing.eligibility.rest;

import cn.gov.shanwei.xinyixing.eligibility.boundary.ConcessionRegister;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.rest.ApiKeyProtected;
import cn.gov.shanwei.xinyixing.platform.rest.ItemCount;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestPatterns;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    /** The largest import taken in one call; the operator splits larger ones. */
    static final int MAX_ROWS = 5000;

    /**
     * One row as the operator sends it. Only the shape is checked here (lengths fit the register);
     * whether the number, type and dates make sense is the register's rule, reported per row.
     */
    public record HoldingRequest(@Pattern(regexp = RequestPatterns.ID_NUMBER_LIKE) String idNumber,
                                 @Pattern(regexp = RequestPatterns.TOKEN_32) String concessionType,
                                 @Pattern(regexp = RequestPatterns.TOKEN_16) String accountType,
                                 LocalDate validFrom, LocalDate validTo) {

        ConcessionRegister.Holding holding() {
            return new ConcessionRegister.Holding(idNumber, concessionType, accountType, validFrom, validTo);
        }

        @Override
        public String toString() {
            return "HoldingRequest[" + Masking.idNumber(idNumber) + ", " + concessionType + ", " + accountType
                    + ", " + validFrom + ".." + validTo + "]";
        }
    }

    /** Result of an import, or its problems ("row: CODE"). */
    public record ImportOutcome(String code, int imported, List<String> problems) {
    }

    @EJB
    ConcessionRegister register;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBodySize(MAX_ROWS * 256)
    @Operation(summary = "导入其他优惠身份（整批替换所涉人员）/ Import other concessions, replacing those of the people named")
    @APIResponse(responseCode = "200", description = "IMPORTED with the number of rows")
    @APIResponse(responseCode = "400", description = "MALFORMED_REQUEST or REQUEST_INVALID: not a list of rows")
    @APIResponse(responseCode = "422", description = "IMPORT_REJECTED with every problem by row; nothing was imported")
    public ImportOutcome replace(@ItemCount(max = MAX_ROWS) List<@NotNull @Valid HoldingRequest> body) {
        return new ImportOutcome("IMPORTED", register.replace(body.stream().map(HoldingRequest::holding).toList()), List.of());
    }
}
