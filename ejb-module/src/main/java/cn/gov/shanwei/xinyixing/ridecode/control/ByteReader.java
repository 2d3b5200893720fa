package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.Arrays;

/**
 * A cursor over untrusted bytes that reads the big-endian unsigned fields of the ride-code layout.
 *
 * <p>Every read is bounds-checked and fails with a {@link RideCodeFormatException} naming the offset, so the
 * parsers can be written as a straight list of fields without their own length arithmetic.
 */
final class ByteReader {

    private final byte[] data;
    private final String what;
    private int position;

    ByteReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    int u8() {
        require(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        return (int) unsigned(2);
    }

    int u24() {
        return (int) unsigned(3);
    }

    long u32() {
        return unsigned(4);
    }

    /** Eight bytes as a Java long; values of 2^63 and above come out negative, as their bit pattern. */
    long u64() {
        return unsigned(8);
    }

    byte[] bytes(int length) {
        require(length);
        byte[] out = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    void skip(int length) {
        require(length);
        position += length;
    }

    /** The bytes between two earlier positions, for keeping the exact encoding of a nested structure. */
    byte[] slice(int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    void expectEnd() {
        if (position != data.length) {
            throw new RideCodeFormatException(what + ": " + (data.length - position) + " trailing byte(s) after offset "
                    + position);
        }
    }

    private long unsigned(int length) {
        require(length);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    private void require(int length) {
        if (length < 0 || data.length - position < length) {
            throw new RideCodeFormatException(what + ": needs " + length + " byte(s) at offset " + position
                    + ", only " + (data.length - position) + " left");
        }
    }
}
