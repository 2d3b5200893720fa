package cn.gov.shanwei.xinyixing.launcher;

/**
 * A MariaDB or MySQL server given by the environment instead of the embedded one:
 * {@code XINYIXING_DB_HOST} (required to choose it), {@code XINYIXING_DB_PORT} (3306),
 * {@code XINYIXING_DB_ADMIN_USER} (root) and {@code XINYIXING_DB_ADMIN_PASSWORD} (empty).
 * The administrative account only creates the schema and the application's own user.
 */
record ExternalDatabase(String host, int port, String adminUser, String adminPassword) {

    static ExternalDatabase fromEnvironment() {
        String host = System.getenv("XINYIXING_DB_HOST");
        if (host == null || host.isBlank()) {
            return null;
        }
        return new ExternalDatabase(host,
                Integer.parseInt(env("XINYIXING_DB_PORT", "3306")),
                env("XINYIXING_DB_ADMIN_USER", "root"),
                env("XINYIXING_DB_ADMIN_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
