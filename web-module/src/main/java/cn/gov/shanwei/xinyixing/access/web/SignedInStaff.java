package cn.gov.shanwei.xinyixing.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed in on this HTTP session, and the roles the identity store gave them then: what
 * {@link StaffAuthentication} names to the container on each later request of the session. It lives
 * as long as the session does; signing out invalidates the session and so forgets it.
 */
record SignedInStaff(String username, Set<String> roles) implements Serializable {

    private static final String ATTRIBUTE = SignedInStaff.class.getName();

    SignedInStaff {
        roles = Set.copyOf(roles);
    }

    static Optional<SignedInStaff> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SignedInStaff) session.getAttribute(ATTRIBUTE));
    }

    /**
     * Keeps this sign-in in the request's session under a new session id, so that an id handed out
     * before signing in (a fixation attempt) never becomes a signed-in one.
     */
    void keepIn(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(ATTRIBUTE, this);
    }
}
