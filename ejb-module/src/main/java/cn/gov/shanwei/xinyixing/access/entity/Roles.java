package cn.gov.shanwei.xinyixing.access.entity;

import java.util.List;

/**
 * The roles of the system (see the architecture). Plain string constants because security
 * annotations need compile-time constants; the identity store maps database groups to these names.
 */
public final class Roles {

    public static final String CITIZEN = "CITIZEN";
    public static final String VALIDATOR = "VALIDATOR";
    public static final String CREDIT_PLATFORM = "CREDIT_PLATFORM";
    public static final String OPERATOR_STAFF = "OPERATOR_STAFF";
    public static final String BUREAU_STAFF = "BUREAU_STAFF";
    public static final String CITY_LEADER = "CITY_LEADER";
    public static final String FINANCE_STAFF = "FINANCE_STAFF";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    /** The roles a person signing in to the staff pages may hold. */
    public static final List<String> STAFF = List.of(
            OPERATOR_STAFF, BUREAU_STAFF, CITY_LEADER, FINANCE_STAFF, AUDITOR, ADMIN);

    private Roles() {
    }
}
