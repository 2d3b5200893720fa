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

/**
 * One Payara Server domain kept in a directory of our choosing, with a port base so that the run
 * command (default ports) and the tests (their own ports) never fight over a port.
 */
final class PayaraDomain {

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

    /** Fails early and plainly when another server holds our ports (asadmin would only say CLI130). */
    void requireFreePorts() {
        for (int port : new int[] {adminPort(), httpPort()}) {
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

    /** The JDBC driver goes into the domain's lib directory, where the server finds it at start. */
    void installLibrary(Path jar) throws IOException {
        Path lib = Files.createDirectories(domainsDir.resolve(name).resolve("lib"));
        Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    void start() {
        asadmin.local("start-domain", "--domaindir", domainsDir.toString(), name);
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

    void deploy(Path archive, String applicationName) {
        asadmin.remote("deploy", "--force=true", "--name", applicationName, archive.toString());
    }

    /** Waits until the server's readiness checks (database, settlement timer) all report UP. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
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

    String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    Path timerTableScript() {
        return payaraHome.resolve("glassfish/lib/install/databases/ejbtimer_mysql.sql");
    }
}
