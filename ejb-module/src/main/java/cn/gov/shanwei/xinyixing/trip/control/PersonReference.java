package cn.gov.shanwei.xinyixing.trip.control;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name under which the usage feedback gives a person to the credit platform instead of the
 * ID number: {@code lowercase-hex(HMAC-SM3(K, ASCII(idNumber stripped, x → X)))} under a key
 * {@code K} agreed with the platform. The platform computes the same over the ID numbers it
 * holds and so matches the rows; anyone without {@code K} learns nothing (a bare hash would not
 * do: the ID-number space is small enough to enumerate). Independent of the index key of our own
 * tables, so handing the platform {@code K} reveals nothing about them.
 */
public final class PersonReference {

    private final byte[] key;

    public PersonReference(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("The feedback key is at least 16 bytes");
        }
        this.key = key.clone();
    }

    public String of(String idNumber) {
        String normalised = idNumber.strip().toUpperCase(Locale.ROOT);
        return HexFormat.of().formatHex(SmCrypto.hmacSm3(key, normalised.getBytes(StandardCharsets.US_ASCII)));
    }
}
