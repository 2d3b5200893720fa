package cn.gov.shanwei.xinyixing.platform.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else in the application touches it.
 *
 * <p>Flyway is the only owner of the schema: the migrations in {@code sql/} are packaged under
 * {@code db/migration} and applied at deployment, so a fresh database and an old one end up alike.
 * Bean-managed transactions keep Flyway's own DDL transactions out of JTA.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    private String schemaVersion;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                // The server's EJB timer table shares the schema and exists before the first migration;
                // baselining an unversioned schema at 0 lets every migration still run on it
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        MigrateResult result = flyway.migrate();
        schemaVersion = flyway.info().current() == null ? "0" : flyway.info().current().getVersion().getVersion();
        LOG.info(() -> "Schema at version " + schemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /** The version of the newest applied migration, for operators and health checks. */
    public String schemaVersion() {
        return schemaVersion;
    }
}
