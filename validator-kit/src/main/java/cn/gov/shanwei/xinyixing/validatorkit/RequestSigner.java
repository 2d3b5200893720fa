package cn.gov.shanwei.xinyixing.validatorkit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;

/**
 * Signs device requests to {@code /api/validator/v1/**} with HMAC-SM3 over the canonical string
 * <pre>
 * METHOD \n PATH \n QUERY \n TIMESTAMP \n NONCE \n hex(SM3(body))
 * </pre>
 * (raw path, raw query without {@code ?} or empty, Unix seconds, lowercase hex, UTF-8, single LF, no trailing
 * LF). The result goes into {@code X-Device-Id}, {@code X-Timestamp}, {@code X-Nonce} and {@code X-Signature}.
 * The server recomputes the same string, so nothing here may normalise what is sent: the path and query are
 * signed exactly as they go on the wire. Thread-safe.
 */
public final class RequestSigner {

    public static final String HEADER_DEVICE_ID = "X-Device-Id";
    public static final String HEADER_TIMESTAMP = "X-Timestamp";
    public static final String HEADER_NONCE = "X-Nonce";
    public static final String HEADER_SIGNATURE = "X-Signature";

    public static final int SECRET_LENGTH = 32;
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] EMPTY = new byte[0];

    /** The four headers of one signed request. */
    public record SignedHeaders(String deviceId, long timestamp, String nonce, String signature) {
    }

    private final String deviceId;
    private final byte[] secret;

    /**
     * @param deviceId the registered device id, {@code [A-Za-z0-9-]{1,32}}
     * @param secret   the 32-byte device secret (shown once, as 64 lowercase hex digits, at registration)
     */
    public RequestSigner(String deviceId, byte[] secret) {
        this.deviceId = requireDeviceId(deviceId);
        Objects.requireNonNull(secret, "secret");
        if (secret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("the device secret is " + SECRET_LENGTH + " bytes, got " + secret.length);
        }
        this.secret = secret.clone();
    }

    static String requireDeviceId(String deviceId) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new IllegalArgumentException("device id must match [A-Za-z0-9-]{1,32}: " + deviceId);
        }
        return deviceId;
    }

    /** The secret as registration shows it: 64 hex digits (either case), 32 bytes. */
    public static byte[] parseSecret(String hex) {
        Objects.requireNonNull(hex, "secret");
        String trimmed = hex.strip();
        if (trimmed.length() != SECRET_LENGTH * 2) {
            throw new IllegalArgumentException("the device secret is 64 hex digits");
        }
        return HEX.parseHex(trimmed.toLowerCase(java.util.Locale.ROOT));
    }

    /** A fresh nonce: 16 random bytes in URL-safe Base64 without padding, 22 characters. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The string that is signed.
     *
     * @param rawQuery the query as sent, without {@code ?}; {@code null} or empty for none
     * @param body     the exact body bytes; {@code null} or empty for none (GET)
     */
    public static String canonical(String method, String rawPath, String rawQuery, long timestamp, String nonce,
            byte[] body) {
        return Objects.requireNonNull(method, "method") + "\n"
                + Objects.requireNonNull(rawPath, "path") + "\n"
                + (rawQuery == null ? "" : rawQuery) + "\n"
                + timestamp + "\n"
                + Objects.requireNonNull(nonce, "nonce") + "\n"
                + HEX.formatHex(SmCrypto.sm3(body == null ? EMPTY : body));
    }

    /** Lowercase hex of HMAC-SM3(secret, canonical as UTF-8). */
    public String signature(String canonical) {
        return HEX.formatHex(SmCrypto.hmacSm3(secret, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Signs one request with the given time and nonce (tests and vendors checking their own implementation). */
    public SignedHeaders sign(String method, String rawPath, String rawQuery, long timestamp, String nonce,
            byte[] body) {
        if (!NONCE.matcher(Objects.requireNonNull(nonce, "nonce")).matches()) {
            throw new IllegalArgumentException("nonce must be 16-64 chars of [A-Za-z0-9_-]");
        }
        return new SignedHeaders(deviceId, timestamp, nonce,
                signature(canonical(method, rawPath, rawQuery, timestamp, nonce, body)));
    }

    /** Signs one request at {@code timestamp} with a fresh nonce. */
    public SignedHeaders sign(String method, String rawPath, String rawQuery, long timestamp, byte[] body) {
        return sign(method, rawPath, rawQuery, timestamp, newNonce(), body);
    }

    public String deviceId() {
        return deviceId;
    }
}
