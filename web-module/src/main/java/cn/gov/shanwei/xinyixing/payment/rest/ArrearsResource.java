package cn.gov.shanwei.xinyixing.payment.rest;

import cn.gov.shanwei.xinyixing.account.rest.CitizenAuthenticated;
import cn.gov.shanwei.xinyixing.account.rest.MiniProgramResource;
import cn.gov.shanwei.xinyixing.payment.boundary.Arrears;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's arrears in the mini-program (R9): which rides could not be deducted, and the
 * repayment (补缴) that collects them all at once, after which a new ride credential works again.
 */
@Path("mp/v1/arrears")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@CitizenAuthenticated
@Tag(name = "mini-program")
public class ArrearsResource {

    @Context
    ContainerRequestContext request;

    @EJB
    Arrears arrears;

    @GET
    @Operation(summary = "欠费：扣款失败的乘车订单与补缴状态 / Arrears: rides whose deduction failed, and the repayment")
    public Arrears.View arrears() {
        return arrears.of(MiniProgramResource.citizenOf(request));
    }

    @POST
    @Path("repayment")
    @Operation(summary = "补缴全部欠费（一次补缴结清多笔订单）/ Repay every order in arrears at once")
    public Response repay() {
        return Response.status(202).entity(arrears.repay(MiniProgramResource.citizenOf(request))).build();
    }
}
