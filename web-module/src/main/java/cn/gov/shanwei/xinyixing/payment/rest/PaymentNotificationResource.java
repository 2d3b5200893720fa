package cn.gov.shanwei.xinyixing.payment.rest;

import cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreements;
import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The payment platform's asynchronous notifications (agreement signed, refused, terminated,
 * account frozen or in arrears). Authenticated by the platform's SM2 signature over the body
 * ({@code X-Signature}, raw r‖s in Base64); answered {@code {"code":"SUCCESS"}} as such platforms expect.
 */
@Path("payment/v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payment-platform", description = "支付平台回调 / Payment platform notifications")
public class PaymentNotificationResource {

    /** The answer a payment platform expects. */
    public record Ack(String code) {
    }

    @EJB
    PaymentAgreements agreements;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBodySize(8 * 1024)
    @Operation(summary = "支付平台签约结果与账户状态通知 / Agreement and account-state notifications")
    public Response notify(byte[] body, @HeaderParam("X-Signature") String signature) {
        try {
            byte[] raw = signature == null ? null : Base64.getDecoder().decode(signature);
            agreements.notification(body, raw);
            return Response.ok(new Ack("SUCCESS")).build();
        } catch (IllegalArgumentException e) {
            return Response.status(401).entity(new ApiError("SIGNATURE_INVALID", "通知签名无效 / The notification signature is not valid")).build();
        } catch (PaymentAgreements.NotificationRefused e) {
            int status = switch (e.code()) {
                case "SIGNATURE_INVALID" -> 401;
                case "UNKNOWN_REQUEST" -> 404;
                default -> 400;
            };
            return Response.status(status).entity(new ApiError(e.code(), "通知未被接受 / The notification was not accepted: " + e.code())).build();
        }
    }
}
