package cn.gov.shanwei.xinyixing.access.web;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * How staff sign in: a JSF form ({@code /login.xhtml}) checked by the container against the
 * {@code staff_user} table, whose passwords are PBKDF2 hashes. Disabled accounts have no password
 * row in the query's result and so cannot sign in. Pages under {@code /staff/} are protected in
 * {@code web.xml}.
 */
@ApplicationScoped
@FacesConfig
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/xinyixing",
        callerQuery = "select password_hash from staff_user where username = ? and enabled = true",
        groupsQuery = "select role from staff_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.CITY_LEADER, Roles.FINANCE_STAFF,
        Roles.AUDITOR, Roles.ADMIN})
public class StaffSecurity {
}
