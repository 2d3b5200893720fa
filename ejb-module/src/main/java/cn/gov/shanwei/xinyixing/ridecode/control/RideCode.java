package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.Arrays;
import java.util.Objects;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;

/**
 * The whole ride code as it goes into the QR symbol (fields 1–19 of the ministry layout): an authorisation
 * plus a fresh generation time, signed by the phone's own key so a screenshot goes stale within seconds.
 *
 * <p>Layout, multi-byte integers big-endian, times in Unix seconds, {@code 332 + n} bytes for n bytes of card
 * data:
 * <pre>
 * offset  len field
 *      0    1 version              0x81 (high bit = ministry format)
 *      1    2 data length          bytes after this field: 329 + n
 *      3  260+n authorisation      fields 3–16, {@link Authorisation}
 *  263+n    4 generation time      Unix seconds, written by the phone at each refresh
 *  267+n    1 signature length     0x40
 *  268+n   64 user signature       SM2/SM3 raw r‖s over offsets 0 .. 266+n (fields 1–17)
 * </pre>
 * Parsing is exact: any missing or trailing byte, or a data length that disagrees with the actual length, is
 * a {@link RideCodeFormatException}. Immutable; {@link #encode()} returns the parsed bytes.
 */
public final class RideCode {

    public static final int VERSION = 0x81;
    public static final int SIGNATURE_LENGTH = 0x40;
    /** Length without card data: version, data length, authorisation, generation time, signature. */
    public static final int FIXED_LENGTH = 1 + 2 + Authorisation.FIXED_LENGTH + 4 + 1 + SIGNATURE_LENGTH;

    private final Authorisation authorisation;
    private final long generationTime;
    private final byte[] encoded;

    private RideCode(Authorisation authorisation, long generationTime, byte[] encoded) {
        this.authorisation = authorisation;
        this.generationTime = generationTime;
        this.encoded = encoded;
    }

    /**
     * Parses exactly one code.
     *
     * @throws RideCodeFormatException if the version is not {@value #VERSION}, a length is inconsistent, or a
     *                                 byte is missing or left over
     */
    public static RideCode parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteReader in = new ByteReader(bytes, "ride code");
        int version = in.u8();
        if (version != VERSION) {
            throw new RideCodeFormatException(String.format("version 0x%02x, expected 0x%02x", version, VERSION));
        }
        int dataLength = in.u16();
        if (dataLength != in.remaining()) {
            throw new RideCodeFormatException("data length field says " + dataLength + " bytes, " + in.remaining()
                    + " follow");
        }
        Authorisation authorisation = Authorisation.read(in);
        long generationTime = in.u32();
        int signatureLength = in.u8();
        if (signatureLength != SIGNATURE_LENGTH) {
            throw new RideCodeFormatException("user signature length " + signatureLength + ", expected "
                    + SIGNATURE_LENGTH);
        }
        in.skip(SIGNATURE_LENGTH);
        in.expectEnd();
        return new RideCode(authorisation, generationTime, bytes.clone());
    }

    /**
     * What the phone does offline at each refresh: stamps the time and signs with the key the authorisation
     * names.
     *
     * @param generationTime Unix seconds, 0..2^32-1
     * @throws IllegalArgumentException if {@code userKey} is not the key the authorisation names (such a code
     *                                  could never verify) or the time does not fit 4 bytes
     */
    public static RideCode make(Authorisation auth, long generationTime, Sm2PrivateKey userKey) {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(userKey, "userKey");
        if (!Arrays.equals(userKey.publicKey().encoded(), auth.userPublicKey())) {
            throw new IllegalArgumentException("the user key is not the one the authorisation names");
        }
        int signedLength = 1 + 2 + auth.length() + 4;
        byte[] signed = new ByteWriter(signedLength)
                .u8(VERSION)
                .u16(auth.length() + 4 + 1 + SIGNATURE_LENGTH)
                .bytes(auth.encode())
                .u32(generationTime)
                .toArray();
        byte[] code = new ByteWriter(signedLength + 1 + SIGNATURE_LENGTH)
                .bytes(signed)
                .u8(SIGNATURE_LENGTH)
                .bytes(SmCrypto.sign(userKey, signed))
                .toArray();
        return new RideCode(auth, generationTime, code);
    }

    /** Whether the user signature verifies under {@code userKey}; one SM2 verification. */
    public boolean isSignedBy(Sm2PublicKey userKey) {
        int signedLength = encoded.length - 1 - SIGNATURE_LENGTH;
        return SmCrypto.verify(userKey, Arrays.copyOf(encoded, signedLength),
                Arrays.copyOfRange(encoded, signedLength + 1, encoded.length));
    }

    /** The exact bytes for the QR symbol (byte mode) or Base64; a fresh copy. */
    public byte[] encode() {
        return encoded.clone();
    }

    public int length() {
        return encoded.length;
    }

    public Authorisation authorisation() {
        return authorisation;
    }

    /** Unix seconds. */
    public long generationTime() {
        return generationTime;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RideCode that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "RideCode[generated=" + generationTime + ", " + authorisation + "]";
    }
}
