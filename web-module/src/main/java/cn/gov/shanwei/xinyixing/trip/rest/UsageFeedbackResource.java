package cn.gov.shanwei.xinyixing.trip.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.platform.rest.ApiKeyProtected;
import cn.gov.shanwei.xinyixing.trip.boundary.FeedbackPage;
import cn.gov.shanwei.xinyixing.trip.boundary.FeedbackProblem;
import cn.gov.shanwei.xinyixing.trip.boundary.UsageFeedback;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The monthly usage feedback for the credit platform (联合奖惩反馈), behind its own credential
 * ({@code X-Api-Key} = {@code xinyixing.credit-platform.feedback-api-key}, not the push key: a
 * leaked push key must not also reveal who rode). People are named by an HMAC-SM3 reference the
 * platform can recompute, never by the ID number; pages of at most
 * {@value UsageFeedback#MAX_PAGE_SIZE} rows; every page read is recorded.
 */
@Path("credit/v1/redlist/feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit-platform", description = "信用汕尾红名单接口 / Red-list interface for the credit platform")
@ApiKeyProtected(UsageFeedbackResource.CREDENTIAL)
public class UsageFeedbackResource {

    /** The configuration property of the key this resource accepts; also the credential name recorded per access. */
    static final String CREDENTIAL = "xinyixing.credit-platform.feedback-api-key";

    @EJB
    UsageFeedback feedback;

    @GET
    @Operation(summary = "联合奖惩反馈：每人每月优惠乘车次数（分页）/ Usage feedback per person and month (paged)",
            description = "personRef = lowercase hex of HMAC-SM3(feedback key, ASCII of the ID number, stripped, x as X).")
    @APIResponse(responseCode = "200", description = "one page: month, page, size, total, rows")
    @APIResponse(responseCode = "400", description = "MONTH_INVALID or PAGE_INVALID")
    @APIResponse(responseCode = "401", description = "API_KEY_INVALID")
    public Response feedback(@QueryParam("month") @Parameter(description = "yyyy-MM", required = true) String month,
                             @QueryParam("page") @Parameter(description = "from 0 (default 0)") String page,
                             @QueryParam("size") @Parameter(description = "rows per page, 1 to 1000 (default 100)") String size) {
        YearMonth parsedMonth;
        try {
            parsedMonth = YearMonth.parse(month == null ? "" : month);
        } catch (DateTimeParseException e) {
            return refused(400, FeedbackProblem.MONTH_INVALID);
        }
        int pageNo;
        int pageSize;
        try {
            pageNo = page == null ? 0 : Integer.parseInt(page);
            pageSize = size == null ? UsageFeedback.DEFAULT_PAGE_SIZE : Integer.parseInt(size);
        } catch (NumberFormatException e) {
            return refused(400, FeedbackProblem.PAGE_INVALID);
        }
        try {
            FeedbackPage rows = feedback.page(parsedMonth, pageNo, pageSize, CREDENTIAL);
            return Response.ok(rows).build();
        } catch (UsageFeedback.FeedbackRefused e) {
            return refused(e.problem() == FeedbackProblem.FEEDBACK_KEY_NOT_CONFIGURED ? 503 : 400, e.problem());
        }
    }

    private static Response refused(int status, FeedbackProblem problem) {
        return Response.status(status).entity(new ApiError(problem.name(), problem.message())).build();
    }
}
