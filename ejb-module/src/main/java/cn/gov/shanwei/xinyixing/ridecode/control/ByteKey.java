package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.Arrays;

/**
 * Exact bytes as a map key: arrays compare by identity, and the caches must hit only for byte-identical
 * certificates and authorisations, never for "equivalent" ones. Takes ownership of the array.
 */
final class ByteKey {

    private final byte[] bytes;
    private final int hash;

    ByteKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteKey that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
