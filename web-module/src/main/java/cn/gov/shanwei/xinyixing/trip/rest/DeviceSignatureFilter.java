package cn.gov.shanwei.xinyixing.trip.rest;

import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import cn.gov.shanwei.xinyixing.platform.rest.BodySizeLimit;
import cn.gov.shanwei.xinyixing.platform.rest.RequestProblem;
import cn.gov.shanwei.xinyixing.platform.rest.RequestRefused;
import cn.gov.shanwei.xinyixing.trip.boundary.AuthenticatedDevice;
import cn.gov.shanwei.xinyixing.trip.boundary.DeviceAuthentication;
import cn.gov.shanwei.xinyixing.trip.boundary.DeviceRefused;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.config.Config;

/**
 * Lets a validator request through only when a registered, enabled device signed it. The body is read
 * here, within the endpoint's size limit, because the signature covers its digest; the resource then
 * reads the same bytes again. The device is left on the request for the resource ({@link #deviceOf}).
 */
@Provider
@DeviceSigned
@Priority(Priorities.AUTHENTICATION)
public class DeviceSignatureFilter implements ContainerRequestFilter {

    static final String DEVICE = "xinyixing.device";

    @EJB
    DeviceAuthentication authentication;

    @Context
    ResourceInfo resource;

    @Inject
    Config config;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        byte[] body = read(request.getEntityStream(), BodySizeLimit.limitOf(resource, config));
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        try {
            AuthenticatedDevice device = authentication.authenticate(new DeviceAuthentication.SignedRequest(
                    request.getHeaderString("X-Device-Id"), request.getMethod(), uri.getRawPath(), uri.getRawQuery(),
                    request.getHeaderString("X-Timestamp"), request.getHeaderString("X-Nonce"),
                    request.getHeaderString("X-Signature"), body));
            request.setProperty(DEVICE, device);
        } catch (DeviceRefused refused) {
            request.abortWith(Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("WWW-Authenticate", "XYX-HMAC-SM3")
                    .entity(new ApiError(refused.problem().name(), refused.problem().message())).build());
        }
    }

    public static AuthenticatedDevice deviceOf(ContainerRequestContext request) {
        return (AuthenticatedDevice) request.getProperty(DEVICE);
    }

    private static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                throw new RequestRefused(RequestProblem.BODY_TOO_LARGE, "at most " + limit + " bytes");
            }
        }
        return out.toByteArray();
    }
}
