package cn.gov.shanwei.xinyixing.trip.control;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a validator signs a request: HMAC-SM3 under its own 32-byte secret over the canonical string
 *
 * <pre>
 * METHOD \n PATH \n QUERY \n TIMESTAMP \n NONCE \n hex(SM3(body))
 * </pre>
 *
 * (raw path, raw query without {@code ?} or empty, Unix seconds, the nonce, lowercase hex, UTF-8, no
 * trailing line feed), sent as lowercase hex. The body's digest is signed rather than the body so that
 * the server can check the signature of a large upload without holding it twice; the timestamp and the
 * nonce make a captured request useless after a few minutes and unusable twice. Plain Java: the server
 * checks with it and the validator kit signs with it.
 */
public final class RequestSignature {

    /** A nonce: 16–64 URL-safe characters. */
    public static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

    private RequestSignature() {
    }

    public static String canonical(String method, String path, String query, long timestamp, String nonce, byte[] body) {
        return String.join("\n", method.toUpperCase(java.util.Locale.ROOT), path, query == null ? "" : query,
                Long.toString(timestamp), nonce, HexFormat.of().formatHex(SmCrypto.sm3(body == null ? new byte[0] : body)));
    }

    /** The signature a device with this secret sends, lowercase hex. */
    public static String sign(byte[] secret, String canonical) {
        return HexFormat.of().formatHex(SmCrypto.hmacSm3(secret, canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares in constant time, so the answer's timing tells nothing about the right signature. */
    public static boolean matches(byte[] secret, String canonical, String signatureHex) {
        Objects.requireNonNull(signatureHex, "signature");
        byte[] expected = sign(secret, canonical).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHex.getBytes(StandardCharsets.US_ASCII));
    }
}
