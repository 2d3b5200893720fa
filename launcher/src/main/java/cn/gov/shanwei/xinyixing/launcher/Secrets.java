package cn.gov.shanwei.xinyixing.launcher;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
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
    /** A second key version, configured but not in force, so that a key rotation can be tried. */
    static final String ID_CIPHER_KEY_V2 = "id-cipher-key-v2";
    static final String ID_INDEX_KEY_V2 = "id-index-key-v2";
    static final String PLATFORM_API_KEY = "credit-platform-api-key";
    static final String OPERATOR_API_KEY = "card-operator-api-key";
    /** Encrypts each validator's own signing secret at rest. */
    static final String VALIDATOR_KEK = "validator-kek";
    static final String RIDECODE_KEK = "ridecode-kek";
    /** The credit platform's separate key for reading usage feedback, and the key of its person references. */
    static final String FEEDBACK_API_KEY = "credit-platform-feedback-api-key";
    static final String FEEDBACK_KEY = "credit-platform-feedback-key";
    /** The password of the generated TLS keystore (the server reads it through a password alias). */
    static final String TLS_KEYSTORE_PASSWORD = "tls-keystore-password";
    /** The stand-in payment platform's notification signing key, so that its notifications verify after a restart. */
    static final String PAYMENT_PRIVATE_KEY = "payment-platform-private-key";
    /** The demo credit platform's SM2 private key: the embedded system plays the platform's part too. */
    static final String PLATFORM_PRIVATE_KEY = "credit-platform-private-key";
    /** The card operator's SM2 key that seals the annual settlement package (the bureau holds the public half). */
    static final String SETTLEMENT_SIGNING_KEY = "settlement-signing-key";

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
        } else {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        // A data directory made by an older version lacks the newer secrets: add them, keep the rest
        if (fillMissing(values)) {
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "Secrets of the embedded default system; not for production");
            }
        }
        return new Secrets(values);
    }

    private static boolean fillMissing(Properties values) {
        SecureRandom random = new SecureRandom();
        int before = values.size();
        values.putIfAbsent(DB_PASSWORD, randomHex(random, 18));
        values.putIfAbsent(ID_CIPHER_KEY, randomHex(random, 16));
        values.putIfAbsent(ID_INDEX_KEY, randomHex(random, 32));
        values.putIfAbsent(ID_CIPHER_KEY_V2, randomHex(random, 16));
        values.putIfAbsent(ID_INDEX_KEY_V2, randomHex(random, 32));
        values.putIfAbsent(PLATFORM_API_KEY, randomHex(random, 24));
        values.putIfAbsent(OPERATOR_API_KEY, randomHex(random, 24));
        values.putIfAbsent(VALIDATOR_KEK, randomHex(random, 16));
        values.putIfAbsent(RIDECODE_KEK, randomHex(random, 16));
        values.putIfAbsent(FEEDBACK_API_KEY, randomHex(random, 24));
        values.putIfAbsent(FEEDBACK_KEY, randomHex(random, 32));
        values.putIfAbsent(TLS_KEYSTORE_PASSWORD, randomHex(random, 16));
        values.putIfAbsent(PLATFORM_PRIVATE_KEY, HexFormat.of().formatHex(SmCrypto.generateSm2KeyPair().privateKey().encoded()));
        values.putIfAbsent(PAYMENT_PRIVATE_KEY, HexFormat.of().formatHex(SmCrypto.generateSm2KeyPair().privateKey().encoded()));
        values.putIfAbsent(SETTLEMENT_SIGNING_KEY, HexFormat.of().formatHex(SmCrypto.generateSm2KeyPair().privateKey().encoded()));
        return values.size() != before;
    }

    String get(String key) {
        return values.getProperty(key);
    }

    Sm2PrivateKey platformKey() {
        return privateKey(PLATFORM_PRIVATE_KEY);
    }

    Sm2PrivateKey paymentKey() {
        return privateKey(PAYMENT_PRIVATE_KEY);
    }

    private Sm2PrivateKey privateKey(String name) {
        return SmCrypto.decodePrivateKey(HexFormat.of().parseHex(get(name)));
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
