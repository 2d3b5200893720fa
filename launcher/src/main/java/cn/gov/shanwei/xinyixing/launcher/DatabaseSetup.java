package cn.gov.shanwei.xinyixing.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares a MariaDB/MySQL server for the application: the schema, an application user with its
 * own password, and the server's EJB timer table. The application's own tables are not created
 * here; Flyway does that when the EAR deploys. The timer table belongs to Payara's timer service,
 * which needs it before the application (and so before Flyway) starts.
 */
final class DatabaseSetup {

    private DatabaseSetup() {
    }

    /** Over an administrative connection (the embedded root has no password; it only binds to loopback). */
    static void prepare(String adminUrl, String adminUser, String adminPassword, DatabaseSettings settings,
                        Path timerTableScript) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + settings.name()
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                statement.execute("CREATE USER IF NOT EXISTS '" + settings.user() + "'@'" + host
                        + "' IDENTIFIED BY '" + settings.password() + "'");
                // An external server keeps the user of an earlier run, made with that run's password
                statement.execute("ALTER USER '" + settings.user() + "'@'" + host
                        + "' IDENTIFIED BY '" + settings.password() + "'");
                statement.execute("GRANT ALL PRIVILEGES ON `" + settings.name() + "`.* TO '"
                        + settings.user() + "'@'" + host + "'");
            }
            statement.execute("USE `" + settings.name() + "`");
            if (!tableExists(connection, "EJB__TIMER__TBL")) {
                statement.execute(Files.readString(timerTableScript).replace(";", ""));
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, table, null)) {
            return tables.next();
        }
    }
}
