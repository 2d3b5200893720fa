package cn.gov.shanwei.xinyixing.platform.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Supplies the personal-data keys from configuration, by version. In a domain they are system
 * properties whose values are {@code ${ALIAS=…}} password aliases, so the keys are never in the
 * repository or in plain server configuration: version 1 is
 * {@code xinyixing.personal-data.cipher-key} / {@code …index-key}, version n ≥ 2 is
 * {@code xinyixing.personal-data.cipher-key.v<n>} / {@code …index-key.v<n>}.
 *
 * <p>Which version new rows are written with is not configuration but a fact of the data, kept in
 * {@code personal_data_key_state} and changed only by the rotation command: every instance then agrees
 * (each re-reads it at most {@link #REFRESH} later) and a restart does not undo a rotation.
 */
@ApplicationScoped
public class PersonalDataKeys {

    /** Highest version looked for in configuration. */
    static final int MAX_VERSION = 9;

    static final Duration REFRESH = Duration.ofSeconds(10);

    @Inject
    Config config;

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    private final Map<Integer, byte[]> cipherKeys = new TreeMap<>();
    private final Map<Integer, byte[]> indexKeys = new TreeMap<>();

    private volatile int current;
    private volatile long currentReadAt;

    @PostConstruct
    void read() {
        for (int version = IdNumberProtection.FIRST_VERSION; version <= MAX_VERSION; version++) {
            String suffix = version == IdNumberProtection.FIRST_VERSION ? "" : ".v" + version;
            String cipher = config.getOptionalValue("xinyixing.personal-data.cipher-key" + suffix, String.class).orElse(null);
            String index = config.getOptionalValue("xinyixing.personal-data.index-key" + suffix, String.class).orElse(null);
            if (cipher != null && index != null) {
                cipherKeys.put(version, HexFormat.of().parseHex(cipher.strip()));
                indexKeys.put(version, HexFormat.of().parseHex(index.strip()));
            } else if (cipher != null || index != null) {
                throw new IllegalStateException("Personal-data key version " + version + " needs both its SM4 and its index key");
            }
        }
        if (cipherKeys.isEmpty()) {
            throw new IllegalStateException("No personal-data keys are configured (xinyixing.personal-data.cipher-key, …index-key)");
        }
    }

    @Produces
    @Dependent
    IdNumberProtection idNumberProtection() {
        return new IdNumberProtection(cipherKeys, indexKeys, this::currentVersion);
    }

    /** The version in force, as recorded by the last rotation (1 before any). */
    public int currentVersion() {
        long now = System.nanoTime();
        if (currentReadAt == 0 || now - currentReadAt > REFRESH.toNanos()) {
            current = readCurrent();
            currentReadAt = now;
        }
        return current;
    }

    /** Puts a configured version in force for every new write, on this instance at once. */
    public void putInForce(int version) {
        if (!cipherKeys.containsKey(version)) {
            throw new IllegalArgumentException("Key version " + version + " is not configured");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE personal_data_key_state SET current_version = ?, changed_at = CURRENT_TIMESTAMP(3) WHERE id = 1")) {
            update.setInt(1, version);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The key version in force could not be recorded", e);
        }
        current = version;
        currentReadAt = System.nanoTime();
    }

    private int readCurrent() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT current_version FROM personal_data_key_state WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getInt(1) : IdNumberProtection.FIRST_VERSION;
        } catch (SQLException e) {
            throw new IllegalStateException("The key version in force could not be read", e);
        }
    }
}
