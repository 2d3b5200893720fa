package cn.gov.shanwei.xinyixing.ridecode.control;

/**
 * Writes the big-endian unsigned fields of the ride-code layout into an array of known size.
 *
 * <p>Only our own encoders use it, with values they have already validated, so a value that does not fit
 * its field is a programming error ({@link IllegalArgumentException}), and so is a final size that differs
 * from the one announced: that catches a layout slip at the first test rather than at a bus door.
 */
final class ByteWriter {

    private final byte[] out;
    private int position;

    ByteWriter(int size) {
        this.out = new byte[size];
    }

    ByteWriter u8(int value) {
        return unsigned(value, 1);
    }

    ByteWriter u16(int value) {
        return unsigned(value, 2);
    }

    ByteWriter u24(int value) {
        return unsigned(value, 3);
    }

    ByteWriter u32(long value) {
        return unsigned(value, 4);
    }

    /** Eight bytes, the long's bit pattern. */
    ByteWriter u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out[position++] = (byte) (value >>> shift);
        }
        return this;
    }

    ByteWriter bytes(byte[] value) {
        System.arraycopy(value, 0, out, position, value.length);
        position += value.length;
        return this;
    }

    byte[] toArray() {
        if (position != out.length) {
            throw new IllegalStateException("wrote " + position + " of " + out.length + " bytes");
        }
        return out;
    }

    private ByteWriter unsigned(long value, int length) {
        if (value < 0 || value >= (1L << (8 * length))) {
            throw new IllegalArgumentException(value + " does not fit in " + length + " unsigned byte(s)");
        }
        for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
            out[position++] = (byte) (value >>> shift);
        }
        return this;
    }
}
