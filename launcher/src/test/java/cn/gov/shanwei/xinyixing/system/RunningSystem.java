package cn.gov.shanwei.xinyixing.system;

import cn.gov.shanwei.xinyixing.launcher.IdentityProviderStub;
import cn.gov.shanwei.xinyixing.launcher.LocalTls;
import cn.gov.shanwei.xinyixing.launcher.PaymentPlatformStub;
import cn.gov.shanwei.xinyixing.launcher.SystemStack;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the system under test once per test run: a fresh database (embedded MariaDB, or the
 * server in {@code XINYIXING_DB_HOST}) and a fresh Payara domain configured from
 * {@code server-config/}, on their own ports so that a running demo is not disturbed. Arquillian
 * then deploys the EAR into it. Everything is stopped when the run ends. The system is reached over
 * HTTPS, as in production; this JVM's default TLS context trusts the system's generated certificate,
 * so every client here (java.net.http, JAX-WS) checks it like any other.
 */
public final class RunningSystem implements BeforeAllCallback {

    /** Ports 28000–28100 for Payara, 23306 for the embedded database, 28990–28992 for the credit platform, identity and payment stubs. */
    public static final int PORT_BASE = 28000;
    public static final int PLATFORM_STUB_PORT = 28990;
    public static final int IDENTITY_PROVIDER_PORT = 28991;
    /** Small, so that an oversize batch is cheap to make. */
    public static final int MAX_BATCH_ENTRIES = 50;

    private static volatile SystemStack stack;
    private static volatile CreditPlatformStub platform;
    /** What /health/ready answered after the server had started but before the application was deployed. */
    private static volatile String readinessBeforeDeployment;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSystem.class, key -> new Started(start()), Started.class);
    }

    private static SystemStack start() {
        try {
            platform = CreditPlatformStub.start(PLATFORM_STUB_PORT);
            SystemStack.Settings settings = SystemStack.Settings.fromBuild(Path.of(System.getProperty("it.dir")),
                    "xinyixing-it", PORT_BASE, 23306, "xinyixing_it", true, false, Map.of(
                            "xinyixing.credit-platform.url", platform.url(),
                            "xinyixing.credit-platform.pull-interval-seconds", "2",
                            "xinyixing.credit-platform.max-batch-entries", Integer.toString(MAX_BATCH_ENTRIES),
                            // A lost reply is given up on after 2 s, and an accepted order asked about after 1 s
                            "xinyixing.payment.timeout-seconds", "2",
                            "xinyixing.payment.query-after-seconds", "1",
                            "xinyixing.payment.max-retry-seconds", "4"),
                    IDENTITY_PROVIDER_PORT);
            stack = SystemStack.start(settings);
            // Arquillian deploys the EAR after this: the moment to see what readiness says without it
            readinessBeforeDeployment = stack.readinessNow();
            return stack;
        } catch (Exception e) {
            throw new IllegalStateException("The system under test did not start", e);
        }
    }

    /** The credit platform's change feed, served from this JVM; the server's pull timer reads it. */
    public static CreditPlatformStub platformStub() {
        return platform;
    }

    public static Sm2PrivateKey platformSigningKey() {
        return stack.platformSigningKey();
    }

    public static String platformApiKey() {
        return stack.platformApiKey();
    }

    public static String feedbackApiKey() {
        return stack.feedbackApiKey();
    }

    public static byte[] feedbackKey() {
        return stack.feedbackKey();
    }

    /** The fault suite's crash: SIGKILL to the application server. */
    public static void killServer() throws Exception {
        stack.killServer();
    }

    public static void startServerAgain() throws InterruptedException {
        stack.startServerAgain();
        // Sessions lived in the server that was killed
        StaffSessions.forgetAll();
    }

    public static boolean databaseIsEmbedded() {
        return stack.databaseIsEmbedded();
    }

    public static void stopDatabase() {
        stack.stopDatabase();
    }

    public static void startDatabaseAgain() {
        stack.startDatabaseAgain();
    }

    public static PaymentPlatformStub paymentPlatform() {
        return stack.paymentPlatform();
    }

    public static IdentityProviderStub identityProvider() {
        return stack.identityProvider();
    }

    public static byte[] ridecodeKeyEncryptionKey() {
        return stack.ridecodeKeyEncryptionKey();
    }

    public static String operatorApiKey() {
        return stack.operatorApiKey();
    }

    /** The application's address, HTTPS (the JVM's clients trust the system's generated certificate). */
    public static String baseUrl() {
        return stack.baseUrl();
    }

    /** The plain-HTTP listener, which only redirects to {@link #baseUrl()}. */
    public static String plainHttpUrl() {
        return stack.plainHttpUrl();
    }

    /** The server's TLS certificate (made for localhost), for clients that must trust it. */
    public static LocalTls tls() {
        return stack.tls();
    }

    public static String readinessBeforeDeployment() {
        return readinessBeforeDeployment;
    }

    public static void awaitReady() throws InterruptedException {
        stack.awaitReady();
    }

    /** Where the application's database listens (embedded or external). */
    public static java.net.InetSocketAddress databaseAddress() {
        return stack.databaseAddress();
    }

    public static Connection openDatabase() throws SQLException {
        return stack.openDatabase();
    }

    /** Closes the stack when JUnit closes the root context, i.e. after the last test. */
    private record Started(SystemStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
            platform.close();
        }
    }
}
