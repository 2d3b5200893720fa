package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.microprofile.config.Config;

/**
 * Validator secrets at rest: SM4-GCM under the key-encryption key of the password alias
 * {@code xinyixing-validator-kek} (system property {@code xinyixing.validator.kek}, 16 bytes hex), bound
 * to the device id so a cipher copied onto another device's row does not decrypt. HMAC needs the secret
 * itself on both sides, so it cannot be hashed like a password.
 */
@ApplicationScoped
public class DeviceSecrets {

    /** Bytes of a validator secret. */
    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Config config;

    public byte[] generate() {
        byte[] secret = new byte[LENGTH];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public byte[] seal(String deviceId, byte[] secret) {
        return SmCrypto.sm4Encrypt(kek(), secret, deviceId.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(String deviceId, byte[] cipher) {
        return SmCrypto.sm4Decrypt(kek(), cipher, deviceId.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] kek() {
        return HexFormat.of().parseHex(config.getValue("xinyixing.validator.kek", String.class));
    }
}
