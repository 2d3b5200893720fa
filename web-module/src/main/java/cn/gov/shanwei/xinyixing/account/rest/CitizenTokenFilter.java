package cn.gov.shanwei.xinyixing.account.rest;

import cn.gov.shanwei.xinyixing.account.boundary.IdentityProvider;
import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.control.IdentityTokenException;
import cn.gov.shanwei.xinyixing.account.control.TokenProblem;
import cn.gov.shanwei.xinyixing.platform.rest.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Verifies the identity token on every mini-program call and hands the citizen it names to the
 * resource; a refused token answers 401 with the reason (expired, wrong audience, forged …).
 */
@Provider
@CitizenAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class CitizenTokenFilter implements ContainerRequestFilter {

    static final String CITIZEN = "xinyixing.citizen";

    @Inject
    IdentityProvider identity;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        try {
            Citizen citizen = identity.verify(token);
            request.setProperty(CITIZEN, citizen);
        } catch (IdentityTokenException e) {
            TokenProblem problem = e.problem();
            int status = problem == TokenProblem.IDENTITY_UNAVAILABLE ? 503 : 401;
            request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(new ApiError(problem.name(), problem.message())).build());
        }
    }
}
