package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body the JSON binding could not read, where {@link BodySizeLimit} did not already translate it
 * (the framework skips reader interceptors for an empty body), is a 400 {@code MALFORMED_REQUEST}.
 * Any other processing failure (writing our own answer) is ours, and stays a 500 with an incident.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException failure) {
        if (isUnreadableBody(failure)) {
            return new RequestRefusedMapper().toResponse(
                    new RequestRefused(RequestProblem.MALFORMED_REQUEST, "not a JSON document of the expected shape"));
        }
        return new ApiErrorMapper().toResponse(failure);
    }

    /** Raised by a message body reader ({@code readFrom}) about JSON, as opposed to writing an answer. */
    static boolean isUnreadableBody(Throwable failure) {
        boolean json = false;
        for (Throwable t = failure; t != null && !json; t = t.getCause() == t ? null : t.getCause()) {
            json = t instanceof JsonbException || t instanceof JsonException;
        }
        if (!json) {
            return false;
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getMethodName().equals("readFrom") || frame.getMethodName().equals("aroundReadFrom")) {
                return true;
            }
        }
        return false;
    }
}
