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

/** The staff home page: who is signed in, in which roles, and signing out. */
@Named
@RequestScoped
public class StaffHome {

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

    public String getDisplayName() {
        return displayName;
    }

    public List<String> getRoles() {
        return roles;
    }
}
