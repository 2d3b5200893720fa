package cn.gov.shanwei.xinyixing.ridecode.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fixed-width text fields of the layout (payment account number, user account number).
 *
 * <p>Rule: printable ASCII without spaces (0x21–0x7E), at least one character, left-aligned and right-padded
 * with ASCII spaces (0x20) to the field width. Spaces rather than zeros because account numbers may carry
 * significant leading zeros, and a space can never be part of the value, so padding is unambiguous. Parsing is
 * strict (no NUL padding, no embedded spaces) so that one account has exactly one encoding: the replay guard
 * and the blacklist compare accounts as strings.
 */
final class AsciiField {

    private static final byte PAD = 0x20;

    private AsciiField() {
    }

    static void check(String value, int width, String name) {
        if (value == null || value.isEmpty() || value.length() > width) {
            throw new IllegalArgumentException(name + " must be 1.." + width + " characters: " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            if (!printable(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must be printable ASCII without spaces: " + value);
            }
        }
    }

    static byte[] encode(String value, int width, String name) {
        check(value, width, name);
        byte[] out = new byte[width];
        Arrays.fill(out, PAD);
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    static String decode(byte[] field, String name) {
        int length = 0;
        while (length < field.length && field[length] != PAD) {
            if (!printable((char) (field[length] & 0xFF))) {
                throw new RideCodeFormatException(name + ": byte " + length + " is not printable ASCII");
            }
            length++;
        }
        if (length == 0) {
            throw new RideCodeFormatException(name + " is empty");
        }
        for (int i = length; i < field.length; i++) {
            if (field[i] != PAD) {
                throw new RideCodeFormatException(name + ": padding at byte " + i + " is not a space");
            }
        }
        return new String(field, 0, length, StandardCharsets.US_ASCII);
    }

    private static boolean printable(char c) {
        return c >= 0x21 && c <= 0x7E;
    }
}
