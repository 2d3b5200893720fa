package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;

/**
 * A request that breaks its constraints is a 400 {@code REQUEST_INVALID} listing each field by its
 * path ({@code body.entries[2].idNumber}, {@code sinceVersion}), never the value that was sent.
 * Replaces the framework's own mapper, which answers without a body.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    /** The refusal with every field that broke a constraint. */
    public record InvalidRequest(String code, String message, List<Violation> violations) {
    }

    /** A field by its path in the body ({@code body} for the body as a whole) and what is wrong with it. */
    public record Violation(String field, String problem) {
    }

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        List<Violation> violations = failure.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::problem))
                .toList();
        RequestProblem problem = RequestProblem.REQUEST_INVALID;
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new InvalidRequest(problem.name(), problem.message(), violations)).build();
    }

    /**
     * The path a client knows, without our method and parameter names: {@code body.entries[2].idNumber}
     * for a field of the body, {@code body} for the body as a whole, {@code sinceVersion} for a query
     * parameter (by its {@code @QueryParam} name).
     */
    String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                path.append(parameterName(node.as(Path.ParameterNode.class).getParameterIndex()));
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private String parameterName(int index) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || index >= method.getParameterCount()) {
            return "body";
        }
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam param) {
                return param.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "body";
    }
}
