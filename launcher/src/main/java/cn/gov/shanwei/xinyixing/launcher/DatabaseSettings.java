package cn.gov.shanwei.xinyixing.launcher;

/** Where the application's database is and how the application signs in to it. */
record DatabaseSettings(String host, int port, String name, String user, String password) {

    /**
     * The application's URL, for MySQL Connector/J as in production. Times are written and read in the
     * server JVM's zone ({@code connectionTimeZone=LOCAL}), which is what the DATETIME(3) columns hold.
     */
    String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/" + name + "?connectionTimeZone=LOCAL&characterEncoding=UTF-8";
    }

    /** The launcher's own administrative connections (schema, user, timer table) use MariaDB Connector/J. */
    String adminUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/";
    }
}
