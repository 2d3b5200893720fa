package cn.gov.shanwei.xinyixing.trip.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.trip.boundary.TripRefused;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a refused validator, network or trip request with its code, message and status. */
@Provider
public class TripRefusedMapper implements ExceptionMapper<TripRefused> {

    @Override
    public Response toResponse(TripRefused refused) {
        return Response.status(refused.refusal().status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(refused.refusal().name(), refused.refusal().message())).build();
    }
}
