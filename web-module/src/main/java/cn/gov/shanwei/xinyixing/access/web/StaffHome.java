package cn.gov.shanwei.xinyixing.access.web;

import cn.gov.shanwei.xinyixing.access.boundary.StaffUsers;
import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.access.entity.StaffUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;

/**
 * The staff home page: who is signed in, in which roles, the tasks those roles may do, and signing
 * out. A task is shown only to roles the page behind it lets in, so nobody is led to a refusal.
 */
@Named
@RequestScoped
public class StaffHome {

    static final List<String> DEVICE_REGISTER = List.of(Roles.OPERATOR_STAFF, Roles.ADMIN);
    /** The settlement page: who may see it (the page and its boundary decide who may start a run). */
    static final List<String> SETTLEMENT = List.of(Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN);
    static final List<String> ELIGIBILITY_LOOKUP = List.of(
            Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN);

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @EJB
    StaffUsers staffUsers;

    private String displayName;
    private List<String> roles;

    @PostConstruct
    void load() {
        String username = securityContext.getCallerPrincipal().getName();
        displayName = staffUsers.find(username).map(StaffUser::displayName).orElse(username);
        roles = Roles.STAFF.stream().filter(securityContext::isCallerInRole).toList();
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    /**
     * The eligibility lookup reveals a person's standing: the roles of its security constraint in
     * {@code web.xml}, which stays the gate; this only decides whether the link is shown.
     */
    public boolean isMayLookUpEligibility() {
        return ELIGIBILITY_LOOKUP.stream().anyMatch(securityContext::isCallerInRole);
    }

    /** The validator register: the roles of its constraint in {@code web.xml}, as above. */
    public boolean isMayManageDevices() {
        return DEVICE_REGISTER.stream().anyMatch(securityContext::isCallerInRole);
    }

    public boolean isMaySeeSettlement() {
        return SETTLEMENT.stream().anyMatch(securityContext::isCallerInRole);
    }

    public boolean isMayDoAnything() {
        return isMayLookUpEligibility() || isMayManageDevices() || isMaySeeSettlement();
    }

    public String getDisplayName() {
        return displayName;
    }

    public List<String> getRoles() {
        return roles;
    }
}
