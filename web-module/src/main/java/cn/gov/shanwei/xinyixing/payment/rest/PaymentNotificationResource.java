package cn.gov.shanwei.xinyixing.payment.rest;

import cn.gov.shanwei.xinyixing.payment.boundary.NotificationProblem;
import cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreements;
import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.platform.rest.MaxBodySize;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
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
 * account frozen, in arrears or unfrozen; a deduction or a repayment succeeded or failed), each
 * with an event id and time. Authenticated by the platform's SM2 signature over the body
 * ({@code X-Signature}, raw r‖s in Base64); answered {@code {"code":"SUCCESS"}} as such platforms expect.
 */
@Path("payment/v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payment-platform", description = "支付平台回调 / Payment platform notifications")
public class PaymentNotificationResource {

    /**
     * The answer a payment platform expects ({@code code} SUCCESS: stop retrying), with what was
     * done: {@code APPLIED}, {@code DUPLICATE}, {@code STALE} or {@code TRANSITION_REFUSED}, and
     * the state afterwards of what it was about (the agreement, or the order or repayment).
     */
    public record Ack(String code, String outcome, String status) {
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
            PaymentAgreements.NotificationHandled handled = agreements.notification(body, raw);
            return Response.ok(new Ack("SUCCESS", handled.outcome().name(), handled.status())).build();
        } catch (IllegalArgumentException e) {
            return refused(NotificationProblem.SIGNATURE_INVALID);
        } catch (PaymentAgreements.NotificationRefused e) {
            return refused(e.problem());
        } catch (EJBException e) {
            // Only a race the row lock cannot order (one event id sent for two agreements at once)
            // ends here; the platform's retry then finds the event recorded
            return Response.status(503).entity(new ApiError("NOTIFICATION_RETRY",
                    "请稍后重发通知 / Please send the notification again later")).build();
        }
    }

    private static Response refused(NotificationProblem problem) {
        return Response.status(problem.httpStatus()).entity(new ApiError(problem.name(), problem.message())).build();
    }
}
