package cn.gov.shanwei.xinyixing.account.rest;

import cn.gov.shanwei.xinyixing.account.boundary.AccountRefused;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers a refused account request (opening, closing, payment agreement, credential, codes) with
 * its code, message and reasons, and the status its {@code AccountRefusal} names.
 */
@Provider
public class AccountRefusedMapper implements ExceptionMapper<AccountRefused> {

    /** A refusal with its reasons (e.g. the eligibility reasons behind NOT_ELIGIBLE). */
    public record Refusal(String code, String message, List<String> reasons) {
    }

    @Override
    public Response toResponse(AccountRefused refused) {
        return Response.status(refused.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Refusal(refused.code(), refused.getMessage(), refused.reasons())).build();
    }
}
