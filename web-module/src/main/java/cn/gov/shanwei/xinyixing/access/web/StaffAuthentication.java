package cn.gov.shanwei.xinyixing.access.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * How the container learns, on every request, which member of staff is calling. Signing in hands the
 * form's credential to the identity store ({@link StaffSecurity}); a valid one is kept in the session as
 * {@link SignedInStaff}, and each later request of the session names that caller and their roles to the
 * container outright. A protected address without a signed-in caller is sent to the sign-in page.
 *
 * <p>Why not the standard form mechanism with its automatic session: on Payara 6.2025.9 it re-establishes
 * a session's caller through a security context that every request thread without one of its own shares,
 * and another request's clean-up can erase it midway; under load a signed-in caller then arrives without
 * roles and is refused with 403 (payara/Payara#6145, fixed by #7928 after the last Payara 6 release). A
 * caller named with its roles is established from those alone, reading nothing shared.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, identityStores.validate(credential));
        }
        Optional<SignedInStaff> staff = SignedInStaff.of(request);
        if (staff.isPresent()) {
            return context.notifyContainerAboutLogin(staff.get().username(), staff.get().roles());
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
            CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedInStaff staff = new SignedInStaff(result.getCallerPrincipal().getName(), result.getCallerGroups());
        staff.keepIn(request);
        return context.notifyContainerAboutLogin(staff.username(), staff.roles());
    }
}
