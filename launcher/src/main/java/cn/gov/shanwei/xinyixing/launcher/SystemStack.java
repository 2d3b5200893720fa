package cn.gov.shanwei.xinyixing.launcher;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: the database (embedded MariaDB, or an external server named by
 * the environment), a Payara Server domain configured from {@code server-config/}, and the EAR.
 * The run command and the integration tests both start it through here, so they cannot drift.
 */
public final class SystemStack implements AutoCloseable {

    /** What to start, and where its files live. */
    public record Settings(Path payaraHome, Path earFile, Path driverJar, Path serverConfig, Path home,
                           String domainName, int portBase, int embeddedDbPort, String dbName, boolean fresh,
                           boolean deploy, Map<String, String> systemProperties, int identityProviderPort) {

        /** Settings from the system properties the Maven build passes (see launcher/pom.xml). */
        public static Settings fromBuild(Path home, String domainName, int portBase, int embeddedDbPort,
                                         String dbName, boolean fresh, boolean deploy,
                                         Map<String, String> systemProperties, int identityProviderPort) {
            Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
            return new Settings(Path.of(System.getProperty("payara.home")), Path.of(System.getProperty("ear.file")),
                    Path.of(System.getProperty("driver.jar")), root.resolve("server-config"), home,
                    domainName, portBase, embeddedDbPort, dbName, fresh, deploy, systemProperties, identityProviderPort);
        }
    }

    private static final String APP_DB_USER = "xinyixing";

    private final EmbeddedDatabase embedded;
    private final PayaraDomain domain;
    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;
    private final DatabaseSettings database;
    private final Secrets secrets;
    private final IdentityProviderStub identity;
    private final PaymentPlatformStub payment;
    private final LocalTls tls;

    private SystemStack(EmbeddedDatabase embedded, PayaraDomain domain, String adminUrl, String adminUser,
                        String adminPassword, DatabaseSettings database, Secrets secrets, IdentityProviderStub identity,
                        PaymentPlatformStub payment, LocalTls tls) {
        this.tls = tls;
        this.secrets = secrets;
        this.identity = identity;
        this.payment = payment;
        this.embedded = embedded;
        this.domain = domain;
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.database = database;
    }

    public static SystemStack start(Settings settings) throws Exception {
        Steps steps = new Steps();
        if (settings.fresh()) {
            deleteRecursively(settings.home());
        }
        Files.createDirectories(settings.home());
        Secrets secrets = Secrets.loadOrCreate(settings.home().resolve("secrets.properties"));
        LocalTls tls = LocalTls.loadOrCreate(settings.home().resolve("tls/xinyixing-tls.p12"), secrets.get(Secrets.TLS_KEYSTORE_PASSWORD));
        // Before the stand-ins start: the payment stand-in calls the system back over HTTPS
        tls.trustInThisJvm();
        ExternalDatabase external = ExternalDatabase.fromEnvironment();
        IdentityProviderStub identity = IdentityProviderStub.start(settings.identityProviderPort());
        PaymentPlatformStub payment = PaymentPlatformStub.start(settings.identityProviderPort() + 1, secrets.paymentKey());
        EmbeddedDatabase embedded = null;
        PayaraDomain domain = null;
        boolean started = false;
        try {
            DatabaseSettings db;
            String adminUrl;
            String adminUser;
            String adminPassword;
            if (external != null) {
                db = new DatabaseSettings(external.host(), external.port(), settings.dbName(), APP_DB_USER, secrets.get(Secrets.DB_PASSWORD));
                adminUrl = db.adminUrl();
                adminUser = external.adminUser();
                adminPassword = external.adminPassword();
                if (settings.fresh()) {
                    dropDatabase(adminUrl, adminUser, adminPassword, settings.dbName());
                }
            } else {
                embedded = EmbeddedDatabase.start(settings.home().resolve("mariadb"), settings.embeddedDbPort());
                db = new DatabaseSettings("127.0.0.1", embedded.port(), settings.dbName(), APP_DB_USER, secrets.get(Secrets.DB_PASSWORD));
                adminUrl = embedded.adminUrl();
                adminUser = System.getProperty("user.name");
                adminPassword = "";
            }
            domain = new PayaraDomain(settings.payaraHome(), settings.home().resolve("domains"),
                    settings.domainName(), settings.portBase(),
                    Map.of("XINYIXING_DB_URL", db.jdbcUrl(), "XINYIXING_DB_USER", db.user()));
            DatabaseSetup.prepare(adminUrl, adminUser, adminPassword, db, domain.timerTableScript());
            steps.done(external != null ? "database up (" + external.host() + ":" + external.port() + ")"
                    : "database up (embedded MariaDB on " + embedded.port() + ")");
            domain.requireFreePorts();
            boolean created = !domain.exists();
            if (created) {
                domain.create();
            }
            domain.installLibrary(settings.driverJar());
            tls.installInto(domain.directory());
            domain.start();
            started = true;
            if (created) {
                domain.createPasswordAlias("xinyixing-db-password", db.password());
                domain.createPasswordAlias("xinyixing-id-cipher-key", secrets.get(Secrets.ID_CIPHER_KEY));
                domain.createPasswordAlias("xinyixing-id-index-key", secrets.get(Secrets.ID_INDEX_KEY));
                domain.createPasswordAlias("xinyixing-id-cipher-key-v2", secrets.get(Secrets.ID_CIPHER_KEY_V2));
                domain.createPasswordAlias("xinyixing-id-index-key-v2", secrets.get(Secrets.ID_INDEX_KEY_V2));
                domain.createPasswordAlias("xinyixing-credit-platform-api-key", secrets.get(Secrets.PLATFORM_API_KEY));
                domain.createPasswordAlias("xinyixing-card-operator-api-key", secrets.get(Secrets.OPERATOR_API_KEY));
                domain.createPasswordAlias("xinyixing-settlement-signing-key", secrets.get(Secrets.SETTLEMENT_SIGNING_KEY));
                domain.createPasswordAlias("xinyixing-validator-kek", secrets.get(Secrets.VALIDATOR_KEK));
                domain.createPasswordAlias("xinyixing-ridecode-kek", secrets.get(Secrets.RIDECODE_KEK));
                domain.createPasswordAlias("xinyixing-credit-platform-feedback-api-key", secrets.get(Secrets.FEEDBACK_API_KEY));
                domain.createPasswordAlias("xinyixing-credit-platform-feedback-key", secrets.get(Secrets.FEEDBACK_KEY));
                domain.createPasswordAlias("xinyixing-tls-keystore-password", tls.password());
                domain.apply(List.of(settings.serverConfig().resolve("domain.asadmin"),
                        settings.serverConfig().resolve("embedded.asadmin")));
                if (domain.httpsPort() != 8181) {
                    domain.set("configs.config.server-config.network-config.protocols.protocol.xinyixing-https-redirect.http-redirect.port",
                            Integer.toString(domain.httpsPort()));
                }
                domain.setSystemProperty("xinyixing.identity.jwks-url", identity.jwksUrl());
                domain.setSystemProperty("xinyixing.payment.url", payment.url());
                domain.setSystemProperty("xinyixing.payment.notify-url", domain.baseUrl() + "/api/payment/v1/notifications");
                domain.setSystemProperty("xinyixing.payment.public-key",
                        HexFormat.of().formatHex(secrets.paymentKey().publicKey().encoded()));
                domain.setSystemProperty("xinyixing.credit-platform.public-key",
                        HexFormat.of().formatHex(secrets.platformKey().publicKey().encoded()));
                for (Map.Entry<String, String> property : settings.systemProperties().entrySet()) {
                    domain.setSystemProperty(property.getKey(), property.getValue());
                }
                // Security, TLS and timer settings are read at server start: restart once on a new domain
                domain.stop();
                domain.start();
            }
            steps.done("domain ready (" + domain.baseUrl() + ")");
            SystemStack stack = new SystemStack(embedded, domain, adminUrl, adminUser, adminPassword, db, secrets, identity,
                    payment, tls);
            if (settings.deploy()) {
                domain.deploy(settings.earFile(), "xinyixing");
                steps.done("application deployed");
                steps.done("migrations applied (schema version " + stack.schemaVersion() + ")");
                stack.awaitReady();
                steps.done("ready (/health/ready is UP with the application's checks)");
            }
            return stack;
        } catch (Exception e) {
            new SystemStack(embedded, started ? domain : null, null, null, null, null, null, identity, payment, tls).close();
            throw e;
        }
    }

    /** Kills the application server with SIGKILL (the fault suite's crash); see {@link #startServerAgain}. */
    public void killServer() throws Exception {
        domain.kill();
    }

    /** Starts the killed server again; the deployed application comes back with it. Returns once it is ready. */
    public void startServerAgain() throws InterruptedException {
        domain.start();
        awaitReady();
    }

    /** Whether the database is the embedded one, which the fault suite may stop and start. */
    public boolean databaseIsEmbedded() {
        return embedded != null;
    }

    /** Stops the embedded database (the fault suite's outage); {@link #startDatabaseAgain} ends it. */
    public void stopDatabase() {
        embedded.stopForOutage();
    }

    public void startDatabaseAgain() {
        embedded.startAfterOutage();
    }

    /** Waits until the application's readiness checks (database, settlement timer) all report UP. */
    public void awaitReady() throws InterruptedException {
        domain.awaitReady(Duration.ofMinutes(3), tls.clientContext());
    }

    /** What {@code /health/ready} answers at this moment ("503 {...}"), e.g. before the application is deployed. */
    public String readinessNow() {
        return domain.readiness(tls.clientContext());
    }

    /** The newest migration Flyway has applied, read from its history table. */
    String schemaVersion() throws java.sql.SQLException {
        try (Connection connection = openDatabase();
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank DESC LIMIT 1")) {
            return rows.next() ? rows.getString(1) : "none";
        }
    }

    /** Where the application's database listens, as its JDBC URL names it. */
    public java.net.InetSocketAddress databaseAddress() {
        return java.net.InetSocketAddress.createUnresolved(database.host(), database.port());
    }

    /** The embedded default's TLS certificate, which the tests' clients and browser trust. */
    public LocalTls tls() {
        return tls;
    }

    /** The plain-HTTP address, which only redirects to HTTPS. */
    public String plainHttpUrl() {
        return domain.plainHttpUrl();
    }

    /**
     * An administrative connection to the application's schema, for tests that must look at the
     * raw columns (for example, that no ID number is stored in plain).
     */
    public Connection openDatabase() throws java.sql.SQLException {
        Connection connection = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
        connection.setCatalog(database.name());
        return connection;
    }

    /** The credit platform's side, as the embedded system plays it: its signing key and API key. */
    public Sm2PrivateKey platformSigningKey() {
        return secrets.platformKey();
    }

    public String platformApiKey() {
        return secrets.get(Secrets.PLATFORM_API_KEY);
    }

    /** The credit platform's key for reading usage feedback (not its push key). */
    public String feedbackApiKey() {
        return secrets.get(Secrets.FEEDBACK_API_KEY);
    }

    /** The HMAC-SM3 key agreed with the credit platform for the person references of usage feedback. */
    public byte[] feedbackKey() {
        return HexFormat.of().parseHex(secrets.get(Secrets.FEEDBACK_KEY));
    }

    /** The key that encrypts the ride-code issuer key, so tests can craft codes with the real chain. */
    public byte[] ridecodeKeyEncryptionKey() {
        return HexFormat.of().parseHex(secrets.get(Secrets.RIDECODE_KEK));
    }

    public String operatorApiKey() {
        return secrets.get(Secrets.OPERATOR_API_KEY);
    }

    /** The stand-in for the 善美村居 identity platform: mints citizens' identity tokens. */
    public IdentityProviderStub identityProvider() {
        return identity;
    }

    /** The stand-in for the payment platform: agreements and their notifications. */
    public PaymentPlatformStub paymentPlatform() {
        return payment;
    }

    public String baseUrl() {
        return domain.baseUrl();
    }

    public int adminPort() {
        return domain.adminPort();
    }

    @Override
    public void close() {
        identity.close();
        payment.close();
        try {
            if (domain != null) {
                domain.stop();
            }
        } catch (RuntimeException e) {
            System.err.println("Payara did not stop cleanly: " + e.getMessage());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void dropDatabase(String adminUrl, String user, String password, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
