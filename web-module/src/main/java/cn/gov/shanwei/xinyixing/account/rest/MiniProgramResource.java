package cn.gov.shanwei.xinyixing.account.rest;

import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.account.boundary.CreditFile;
import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import cn.gov.shanwei.xinyixing.platform.rest.RequestPatterns;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The mini-program API (R6, R9) for the 善美村居 mini-program, acting for the citizen its identity
 * token names: the credit file and today's concession, opening and closing the account.
 */
@Path("mp/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@CitizenAuthenticated
@Tag(name = "mini-program", description = "善美村居小程序接口 / Mini-program API")
@SecurityRequirement(name = "identityToken")
public class MiniProgramResource {

    /**
     * Opening request: the consent version shown to the citizen and the chosen account type. Both
     * may be absent: the accounts boundary answers that with CONSENT_REQUIRED or the type refused.
     */
    public record OpenRequest(@Pattern(regexp = RequestPatterns.TOKEN_16) String consentVersion,
                              @Pattern(regexp = RequestPatterns.TOKEN_32) String accountType) {
    }

    /** The account as the citizen sees it. */
    public record AccountView(String accountType, String status, String userAccountNo, String idNumberMasked,
                              String nameMasked, String phoneMasked, String consentVersion) {
        static AccountView of(CitizenAccount account) {
            return new AccountView(account.accountType().name(), account.status().name(), account.userAccountNo(),
                    account.idNumberMasked(), account.nameMasked(), account.phoneMasked(), account.consentVersion());
        }
    }

    @Context
    ContainerRequestContext request;

    @EJB
    Accounts accounts;

    @EJB
    CreditFile creditFile;


    @GET
    @Path("profile")
    @Operation(summary = "个人信用档案与今日乘车优惠 / Credit file and today's concession")
    public CreditFile.View profile() {
        return creditFile.of(citizen());
    }

    @POST
    @Path("account")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "开通账户：同意个人信息处理规则并选择账户类型 / Open the account: consent and account type")
    @MaxBodySize(1024)
    public Response open(@NotNull @Valid OpenRequest body) {
        return Response.status(201).entity(AccountView.of(accounts.open(citizen(), body.consentVersion(), body.accountType()))).build();
    }

    @DELETE
    @Path("account")
    @Operation(summary = "注销账户：乘车码立即失效 / Close the account: the ride code stops at once")
    public AccountView close() {
        return AccountView.of(accounts.close(citizen()));
    }

    private Citizen citizen() {
        return citizenOf(request);
    }

    /** The citizen the identity token named, as {@link CitizenTokenFilter} left it on the request. */
    public static Citizen citizenOf(ContainerRequestContext request) {
        return (Citizen) request.getProperty(CitizenTokenFilter.CITIZEN);
    }
}
