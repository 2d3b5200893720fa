package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a request refused at the edge with its problem's status and code. */
@Provider
public class RequestRefusedMapper implements ExceptionMapper<RequestRefused> {

    @Override
    public Response toResponse(RequestRefused refused) {
        RequestProblem problem = refused.problem();
        String detail = refused.getMessage();
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(problem.name(), detail == null ? problem.message() : problem.message() + ": " + detail))
                .build();
    }
}
