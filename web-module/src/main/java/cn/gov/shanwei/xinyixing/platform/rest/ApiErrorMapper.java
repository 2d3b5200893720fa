package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure no request ever ends in a stack trace. The client's mistakes and the areas' refusals
 * have their own, more specific mappers. Errors the framework raised keep their status with a code,
 * except a query or path parameter of the wrong type: a 400 here, not the framework's 404. Anything
 * unexpected becomes a 500 with an incident id that also goes to the log, so an operator can find
 * the cause without the caller seeing internals.
 */
@Provider
public class ApiErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404 && failure.getCause() != null) {
                // A parameter the framework could not convert (a word for a number) comes as a 404 that
                // carries the conversion failure; a path that matches nothing carries none
                RequestProblem problem = RequestProblem.PARAMETER_INVALID;
                return json(problem.status(), new ApiError(problem.name(), problem.message()));
            }
            if (status == 400 && failure.getCause() instanceof NoContentException) {
                // No body where one is required: the framework says so before any reader interceptor runs
                RequestProblem problem = RequestProblem.MALFORMED_REQUEST;
                return json(problem.status(), new ApiError(problem.name(), problem.message() + ": empty body"));
            }
            return json(status, new ApiError("HTTP_" + status,
                    "请求无法处理 / The request cannot be processed: " + web.getResponse().getStatusInfo().getReasonPhrase()));
        }
        if (forbidden(failure)) {
            // A boundary's role check: the caller's lack of a right, never our fault
            RequestProblem problem = RequestProblem.ROLE_FORBIDDEN;
            return json(problem.status(), new ApiError(problem.name(), problem.message()));
        }
        if (databaseUnreachable(failure)) {
            // Nobody's mistake, and over soon: say so, and when to come back, instead of an incident
            RequestProblem problem = RequestProblem.SERVICE_UNAVAILABLE;
            LOG.warning(() -> "Database unreachable: " + rootCause(failure));
            return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", "5").entity(new ApiError(problem.name(), problem.message())).build();
        }
        if (UnreadableBodyMapper.isUnreadableBody(failure)) {
            // The JSON binding's own exception, unwrapped: still the client's body, not our fault
            RequestProblem problem = RequestProblem.MALFORMED_REQUEST;
            return json(problem.status(), new ApiError(problem.name(), problem.message()));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return json(500, new ApiError("INTERNAL_ERROR", "系统内部错误，事件编号 / Internal error, incident " + incident));
    }

    /** A boundary's role check: EJBAccessException from a remote view, AccessLocalException from a local one. */
    static boolean forbidden(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof jakarta.ejb.EJBAccessException
                || cause instanceof jakarta.ejb.AccessLocalException);
    }

    /**
     * A failure to reach the database: a connection-class SQL state (08…), a connection exception of the
     * driver, or the server's connection pool unable to allocate one.
     */
    static boolean databaseUnreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLNonTransientConnectionException
                || cause instanceof jakarta.resource.ResourceException
                || cause instanceof java.net.ConnectException
                || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /** Whether the failure or anything in its chain of causes is of the kind. */
    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }

    private static Response json(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
