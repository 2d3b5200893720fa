package cn.gov.shanwei.xinyixing.payment.rest;

import cn.gov.shanwei.xinyixing.account.rest.CitizenAuthenticated;
import cn.gov.shanwei.xinyixing.account.rest.MiniProgramResource;
import cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreements;
import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
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

/** The citizen's password-free payment agreement (免密支付) in the mini-program (R9). */
@Path("mp/v1/payment-agreement")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@CitizenAuthenticated
@Tag(name = "mini-program")
public class PaymentAgreementResource {

    /** The agreement's state as the citizen sees it. */
    public record AgreementView(String status) {
    }

    @Context
    ContainerRequestContext request;

    @EJB
    PaymentAgreements agreements;

    @POST
    @Operation(summary = "发起免密支付签约，返回签约页面 / Start signing; returns the platform's signing page")
    public Response start() {
        return Response.status(202).entity(agreements.request(MiniProgramResource.citizenOf(request))).build();
    }

    @GET
    @Operation(summary = "免密支付协议状态 / State of the payment agreement")
    public AgreementView state() {
        return new AgreementView(agreements.currentFor(MiniProgramResource.citizenOf(request))
                .map(a -> a.status().name()).orElse("NONE"));
    }

    @DELETE
    @Operation(summary = "解约免密支付 / Cancel the payment agreement")
    public AgreementView cancel() {
        PaymentAgreement cancelled = agreements.cancel(MiniProgramResource.citizenOf(request));
        return new AgreementView(cancelled.status().name());
    }
}
