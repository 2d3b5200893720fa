package cn.gov.shanwei.xinyixing.platform.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the demo path (demo staff with a published password, a demo CA) may run. Two deliberate
 * conditions, neither of which an environment variable can meet:
 * <ol>
 * <li>the JVM system property {@code xinyixing.demo-data=true}, read with {@link System#getProperty} and
 *     not through MicroProfile Config, which would also accept an environment variable
 *     ({@code XINYIXING_DEMO_DATA}); a domain gets it only from {@code server-config/embedded.asadmin};</li>
 * <li>the application's database on this host (loopback), as the run command's embedded MariaDB and the
 *     test suites' databases are; a production pool points at a database server.</li>
 * </ol>
 * A request that fails the second condition is logged as a refusal, so a mistaken domain is noticed.
 */
public final class DemoMode {

    public static final String PROPERTY = "xinyixing.demo-data";

    private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private DemoMode() {
    }

    /** The decision on the running server's system properties and the pool's database. */
    public static boolean enabled(DataSource dataSource) {
        if (!requested(System.getProperties())) {
            return false;
        }
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("The database URL could not be read", e);
        }
        return allowed(System.getProperties(), url);
    }

    /** Plain rule, for tests: requested and on a loopback database. */
    static boolean allowed(Properties systemProperties, String jdbcUrl) {
        if (!requested(systemProperties)) {
            return false;
        }
        if (!LOOPBACK.contains(host(jdbcUrl))) {
            LOG.warning("Demo data requested but refused: the database is not on this host (demo accounts have a published password)");
            return false;
        }
        return true;
    }

    static boolean requested(Properties systemProperties) {
        return "true".equals(systemProperties.getProperty(PROPERTY));
    }

    /** The host of {@code jdbc:<driver>://host[:port][/db][?…]}; empty if there is none. */
    static String host(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        int start = jdbcUrl.indexOf("//");
        if (start < 0) {
            return "";
        }
        String rest = jdbcUrl.substring(start + 2);
        int at = rest.lastIndexOf('@', firstOf(rest, "/?"));
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close < 0 ? "" : rest.substring(0, close + 1);
        }
        int end = firstOf(rest, ":/?,;");
        return rest.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
