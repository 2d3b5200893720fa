package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * A request record that breaks its constraints is a 400 {@code REQUEST_INVALID} listing each field
 * by its path in the JSON body ({@code entries[2].idNumber}), never the value that was sent.
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
     * The path without the Java method it starts with: {@code body.entries[2].idNumber} for a field of
     * the body, {@code body} for a missing body, {@code sinceVersion} for a query parameter. Resource
     * methods name their entity parameter {@code body}; the build keeps parameter names.
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
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
}
