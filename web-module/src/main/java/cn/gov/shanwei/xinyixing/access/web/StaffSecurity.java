package cn.gov.shanwei.xinyixing.access.web;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Who may sign in as staff: the {@code staff_user} table, whose passwords are PBKDF2 hashes, checked
 * through the sign-in form ({@code /login.xhtml}) by {@link StaffAuthentication}. Disabled accounts
 * have no password row in the query's result and so cannot sign in. Pages under {@code /staff/} and
 * the staff APIs are protected in {@code web.xml}.
 */
@ApplicationScoped
@FacesConfig
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/xinyixing",
        callerQuery = "select password_hash from staff_user where username = ? and enabled = true",
        groupsQuery = "select role from staff_user_role where username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.CITY_LEADER, Roles.FINANCE_STAFF,
        Roles.AUDITOR, Roles.ADMIN})
public class StaffSecurity {
}
