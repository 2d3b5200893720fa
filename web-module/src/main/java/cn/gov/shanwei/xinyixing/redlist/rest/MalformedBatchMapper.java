package cn.gov.shanwei.xinyixing.redlist.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.redlist.control.BatchJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not a batch at all is a 400 {@code MALFORMED_MESSAGE} saying where it went wrong
 * (the reader names the field, never its value).
 */
@Provider
public class MalformedBatchMapper implements ExceptionMapper<BatchJson.MalformedBatchException> {

    @Override
    public Response toResponse(BatchJson.MalformedBatchException malformed) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("MALFORMED_MESSAGE", "报文格式错误 / The message is malformed: " + malformed.getMessage()))
                .build();
    }
}
