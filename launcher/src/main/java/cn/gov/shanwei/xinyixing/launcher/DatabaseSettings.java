package cn.gov.shanwei.xinyixing.launcher;

/** Where the application's database is and how the application signs in to it. */
record DatabaseSettings(String host, int port, String name, String user, String password) {

    String jdbcUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/" + name;
    }

    String adminUrl() {
        return "jdbc:mariadb://" + host + ":" + port + "/";
    }
}
