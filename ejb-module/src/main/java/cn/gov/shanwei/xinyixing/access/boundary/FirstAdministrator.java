package cn.gov.shanwei.xinyixing.access.boundary;

import cn.gov.shanwei.xinyixing.access.control.FirstAdministratorBootstrap;
import cn.gov.shanwei.xinyixing.access.control.FirstAdministratorBootstrap.Outcome;
import cn.gov.shanwei.xinyixing.access.entity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Creates the first administrator of a production database at start, once: from
 * {@code xinyixing.bootstrap.admin-password} (a password alias, see the README), on an empty staff table,
 * recorded in {@code staff_bootstrap} so that it is refused for ever after. The rule is
 * {@link FirstAdministratorBootstrap}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    Config config;

    @EJB
    StaffUsers staffUsers;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @PostConstruct
    void atStart() {
        String password = config.getOptionalValue("xinyixing.bootstrap.admin-password", String.class).orElse(null);
        if (password == null || password.isBlank() || password.startsWith("${ALIAS=")) {
            return;
        }
        String username = config.getOptionalValue("xinyixing.bootstrap.admin-username", String.class).orElse("admin");
        Outcome outcome = bootstrap(username, password.toCharArray());
        switch (outcome) {
            case CREATED -> LOG.warning("First administrator '" + username + "' created. Remove the password alias "
                    + "xinyixing-bootstrap-admin-password and the system property xinyixing.bootstrap.admin-password now");
            case NOT_REQUESTED -> { }
            default -> LOG.warning("First-administrator bootstrap refused (" + outcome + "); remove the system property "
                    + "xinyixing.bootstrap.admin-password");
        }
    }

    public Outcome bootstrap(String username, char[] password) {
        return FirstAdministratorBootstrap.run(new FirstAdministratorBootstrap.Store() {
            @Override
            public boolean bootstrapUsed() {
                return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM staff_bootstrap").getSingleResult()).longValue() > 0;
            }

            @Override
            public long staffCount() {
                return staffUsers.count();
            }

            @Override
            public void createAdministrator(String name, char[] secret) {
                staffUsers.create(name, "系统管理员 Administrator", secret, Set.of(Roles.ADMIN));
            }

            @Override
            public void recordBootstrap(String name, Instant at) {
                // The primary key admits one row: a second instance starting at the same moment fails here
                em.createNativeQuery("INSERT INTO staff_bootstrap (id, username, used_at) VALUES (1, ?, ?)")
                        .setParameter(1, name).setParameter(2, Timestamp.from(at)).executeUpdate();
            }
        }, username, password, clock.instant());
    }
}
