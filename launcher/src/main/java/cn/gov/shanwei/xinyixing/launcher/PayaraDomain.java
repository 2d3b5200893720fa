package cn.gov.shanwei.xinyixing.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * One Payara Server domain kept in a directory of our choosing, with a port base so that the run
 * command (default ports) and the tests (their own ports) never fight over a port.
 */
final class PayaraDomain {

    /** The application's database check: present only once the application is deployed and its checks registered. */
    private static final Pattern APPLICATION_CHECK = Pattern.compile("\"name\"\\s*:\\s*\"database\"");

    private final Path payaraHome;
    private final Path domainsDir;
    private final String name;
    private final int portBase;
    private final Asadmin asadmin;

    /** {@code portBase} 0 keeps Payara's default ports (4848 admin, 8080 HTTP). */
    PayaraDomain(Path payaraHome, Path domainsDir, String name, int portBase, Map<String, String> serverEnvironment) {
        this.payaraHome = payaraHome;
        this.domainsDir = domainsDir;
        this.name = name;
        this.portBase = portBase;
        this.asadmin = new Asadmin(payaraHome, adminPort(), serverEnvironment);
    }

    int adminPort() {
        return portBase == 0 ? 4848 : portBase + 48;
    }

    int httpPort() {
        return portBase == 0 ? 8080 : portBase + 80;
    }

    /** Payara's second listener (8181 by default, the port base + 81 otherwise), made the TLS one by domain.asadmin. */
    int httpsPort() {
        return portBase == 0 ? 8181 : portBase + 81;
    }

    Path directory() {
        return domainsDir.resolve(name);
    }

    /** Fails early and plainly when another server holds our ports (asadmin would only say CLI130). */
    void requireFreePorts() {
        for (int port : new int[] {adminPort(), httpPort(), httpsPort()}) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("0.0.0.0"))) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " is in use: is another Payara or 信易行 still running?"
                        + " Stop it (or wait until it has stopped) and start again.");
            }
        }
    }

    boolean exists() {
        return Files.isDirectory(domainsDir.resolve(name).resolve("config"));
    }

    void create() {
        if (portBase == 0) {
            asadmin.local("create-domain", "--nopassword=true", "--domaindir", domainsDir.toString(), name);
        } else {
            asadmin.local("create-domain", "--nopassword=true", "--portbase", Integer.toString(portBase),
                    "--domaindir", domainsDir.toString(), name);
        }
    }

    /**
     * The JDBC driver goes into the domain's lib directory, where the server finds it at start. A
     * MariaDB Connector/J left there by an older data directory is removed: the pool's driver is
     * MySQL Connector/J, and two drivers claiming jdbc:mysql: would make the choice an accident.
     */
    void installLibrary(Path jar) throws IOException {
        Path lib = Files.createDirectories(domainsDir.resolve(name).resolve("lib"));
        Files.deleteIfExists(lib.resolve("mariadb-java-client.jar"));
        Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    void start() {
        asadmin.local("start-domain", "--domaindir", domainsDir.toString(), name);
    }

    /**
     * Kills the server's JVM with SIGKILL, as a power cut or the OOM killer would: no shutdown hook, no
     * orderly close of transactions or connections. Returns once the process is gone.
     */
    void kill() throws Exception {
        long pid = Long.parseLong(java.nio.file.Files.readString(directory().resolve("config/pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server process " + pid));
        process.destroyForcibly();
        process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(60), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void stop() {
        asadmin.local("stop-domain", "--domaindir", domainsDir.toString(), name);
    }

    /** Secrets pass through a password file that is deleted at once, never through the command line. */
    void createPasswordAlias(String alias, String secret) throws IOException {
        Path file = Files.createTempFile(domainsDir, "alias", ".txt",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, "AS_ADMIN_ALIASPASSWORD=" + secret + "\n");
            asadmin.remote("--passwordfile", file.toString(), "create-password-alias", alias);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    void apply(List<Path> commandFiles) {
        for (Path file : commandFiles) {
            asadmin.remote("multimode", "--file", file.toString());
        }
    }

    /** One system property of the server, read by the application through MicroProfile Config. */
    void setSystemProperty(String name, String value) {
        // asadmin separates properties with ':' and names from values with '='
        String escaped = value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
        asadmin.remote("create-system-properties", name + "=" + escaped);
    }

    /** Any dotted setting of the running domain, e.g. a port that depends on the port base. */
    void set(String dottedName, String value) {
        asadmin.remote("set", dottedName + "=" + value);
    }

    void deploy(Path archive, String applicationName) {
        asadmin.remote("deploy", "--force=true", "--name", applicationName, archive.toString());
    }

    /** What {@code /health/ready} answers right now: status code and body (or the error). */
    String readiness(SSLContext tls) {
        try {
            HttpResponse<String> response = client(tls).send(readinessRequest(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Waits until readiness is UP and lists the application's own checks. An UP without them is
     * a server whose application is not (or no longer) there, which must not count as ready.
     */
    void awaitReady(Duration timeout, SSLContext tls) throws InterruptedException {
        HttpClient client = client(tls);
        HttpRequest ready = readinessRequest();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && APPLICATION_CHECK.matcher(response.body()).find()) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Server not ready after " + timeout + ": " + last);
    }

    /** The application's address: HTTPS, as everywhere. */
    String baseUrl() {
        return "https://localhost:" + httpsPort();
    }

    /** The plain-HTTP listener, which only redirects to {@link #baseUrl()}. */
    String plainHttpUrl() {
        return "http://localhost:" + httpPort();
    }

    private HttpRequest readinessRequest() {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
    }

    private static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build();
    }

    Path timerTableScript() {
        return payaraHome.resolve("glassfish/lib/install/databases/ejbtimer_mysql.sql");
    }
}
