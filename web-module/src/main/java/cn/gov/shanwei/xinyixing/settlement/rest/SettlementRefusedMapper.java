package cn.gov.shanwei.xinyixing.settlement.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.settlement.boundary.SettlementRefused;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a refused settlement request with its code, message and status. */
@Provider
public class SettlementRefusedMapper implements ExceptionMapper<SettlementRefused> {

    @Override
    public Response toResponse(SettlementRefused refused) {
        return Response.status(refused.problem().status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(refused.problem().name(), refused.problem().message())).build();
    }
}
