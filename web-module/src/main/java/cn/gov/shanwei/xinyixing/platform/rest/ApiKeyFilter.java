package cn.gov.shanwei.xinyixing.platform.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Lets through only callers presenting the partner's API key. Batches are also signed, but status
 * and feedback (which name people) must not be readable by anyone else. Compared in constant time.
 */
@Provider
@ApiKeyProtected("")
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    @Inject
    Config config;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String property = resource.getResourceClass().getAnnotation(ApiKeyProtected.class).value();
        Optional<String> expected = config.getOptionalValue(property, String.class).filter(key -> !key.isBlank());
        if (expected.isEmpty()) {
            request.abortWith(error(503, new ApiError("API_KEY_NOT_CONFIGURED",
                    "接口密钥未配置 / The API key of this interface is not configured")));
            return;
        }
        String presented = request.getHeaderString("X-Api-Key");
        if (presented == null || !MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(error(401, new ApiError("API_KEY_INVALID",
                    "接口密钥缺失或错误 / The API key is missing or wrong")));
        }
    }

    private static Response error(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
