package cn.gov.shanwei.xinyixing.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded default's own secrets: a database password and the personal-data keys, made at
 * random on first start and kept beside its data (owner-only file), so that a second start can
 * still read what the first one encrypted. Production never uses this: its secrets are password
 * aliases set by the operator.
 */
final class Secrets {

    static final String DB_PASSWORD = "db-password";
    static final String ID_CIPHER_KEY = "id-cipher-key";
    static final String ID_INDEX_KEY = "id-index-key";

    private final Properties values;

    private Secrets(Properties values) {
        this.values = values;
    }

    static Secrets loadOrCreate(Path file) throws IOException {
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                values.load(reader);
            }
            return new Secrets(values);
        }
        SecureRandom random = new SecureRandom();
        values.setProperty(DB_PASSWORD, randomHex(random, 18));
        values.setProperty(ID_CIPHER_KEY, randomHex(random, 16));
        values.setProperty(ID_INDEX_KEY, randomHex(random, 32));
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(file)) {
            values.store(writer, "Secrets of the embedded default system; not for production");
        }
        return new Secrets(values);
    }

    String get(String key) {
        return values.getProperty(key);
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
