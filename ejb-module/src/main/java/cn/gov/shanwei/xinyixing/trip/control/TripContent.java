package cn.gov.shanwei.xinyixing.trip.control;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The digest of what a validator said about one of its serials. (device, serial) is a trip's key
 * forever: a record sent again with the same digest is the same record (acknowledged, not stored twice),
 * one with another digest is a conflicting reuse of the key. Fields are length-prefixed so that no two
 * different records share an encoding.
 */
public final class TripContent {

    private TripContent() {
    }

    /** An online scan says only its serial and its code. */
    public static byte[] online(long serial, byte[] code) {
        return digest("ONLINE", Long.toString(serial), code);
    }

    /** An offline record says when, where, at what fare, and what the validator decided. */
    public static byte[] offline(long serial, byte[] code, Instant scannedAt, String routeNo, int fareFen, String verdict) {
        return digest("OFFLINE", Long.toString(serial), code, scannedAt.toString().getBytes(StandardCharsets.UTF_8),
                routeNo.getBytes(StandardCharsets.UTF_8), Integer.toString(fareFen).getBytes(StandardCharsets.UTF_8),
                verdict.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String kind, String serial, byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, kind.getBytes(StandardCharsets.US_ASCII));
        field(out, serial.getBytes(StandardCharsets.US_ASCII));
        for (byte[] field : fields) {
            field(out, field);
        }
        return SmCrypto.sm3(out.toByteArray());
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }
}
