package cn.gov.shanwei.xinyixing.ridecode.control;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;

/**
 * The QR issuer's certificate (field 3 of the ride code), signed by the central CA so that a validator holding
 * only the CA keys can trust the issuer's key offline.
 *
 * <p>Exactly 117 bytes, multi-byte integers big-endian:
 * <pre>
 * offset len field
 *      0   1 record header            0x12 (required)
 *      1   4 service id               opaque 32 bits
 *      5   1 CA key index             which pinned CA key signed this
 *      6   1 certificate format       0x01 (required)
 *      7   4 issuer id                opaque 32 bits
 *     11   2 expiry date              days since 1970-01-01, valid through that day in UTC+8 ({@link RideCodeDates})
 *     13   3 serial number            unsigned
 *     16   1 signature algorithm      0x04 = SM2 with SM3
 *     17   1 encryption algorithm     0x04 = the certified key is an SM2 key
 *     18   1 key parameter            0x01 = curve sm2p256v1
 *     19   1 public key length        33 (required)
 *     20  33 issuer public key        compressed point
 *     53  64 CA signature             SM2/SM3, raw r‖s, default user id, over bytes 0..52
 * </pre>
 * Parsing checks only structure (length, header, format, key length); whether the algorithm bytes name SM2
 * and the signature holds is the verifier's step 2. The exact bytes are kept, so {@link #encode()} returns
 * what was parsed. Immutable.
 */
public final class InstitutionCertificate {

    public static final int LENGTH = 117;
    /** The bytes the CA signs: everything before the signature. */
    public static final int SIGNED_LENGTH = 53;
    public static final int RECORD_HEADER = 0x12;
    public static final int CERTIFICATE_FORMAT = 0x01;
    public static final int SIGNATURE_ALGORITHM_SM2_SM3 = 0x04;
    public static final int ENCRYPTION_ALGORITHM_SM2 = 0x04;
    public static final int KEY_PARAMETER_SM2P256V1 = 0x01;
    public static final int PUBLIC_KEY_LENGTH = 33;
    public static final int SIGNATURE_LENGTH = 64;

    private final int serviceId;
    private final int caKeyIndex;
    private final int issuerId;
    private final LocalDate expiryDate;
    private final int serial;
    private final int signatureAlgorithm;
    private final int encryptionAlgorithm;
    private final int keyParameter;
    private final byte[] issuerPublicKey;
    private final byte[] encoded;

    private InstitutionCertificate(ByteReader in, byte[] encoded) {
        int header = in.u8();
        if (header != RECORD_HEADER) {
            throw new RideCodeFormatException(String.format("certificate record header 0x%02x, expected 0x%02x",
                    header, RECORD_HEADER));
        }
        serviceId = (int) in.u32();
        caKeyIndex = in.u8();
        int format = in.u8();
        if (format != CERTIFICATE_FORMAT) {
            throw new RideCodeFormatException(String.format("certificate format 0x%02x, expected 0x%02x",
                    format, CERTIFICATE_FORMAT));
        }
        issuerId = (int) in.u32();
        expiryDate = RideCodeDates.decode(in.u16());
        serial = in.u24();
        signatureAlgorithm = in.u8();
        encryptionAlgorithm = in.u8();
        keyParameter = in.u8();
        int keyLength = in.u8();
        if (keyLength != PUBLIC_KEY_LENGTH) {
            throw new RideCodeFormatException("certificate public key length " + keyLength + ", expected "
                    + PUBLIC_KEY_LENGTH);
        }
        issuerPublicKey = in.bytes(PUBLIC_KEY_LENGTH);
        in.skip(SIGNATURE_LENGTH);
        this.encoded = encoded;
    }

    /**
     * Parses exactly {@value #LENGTH} bytes.
     *
     * @throws RideCodeFormatException if the length, record header, format or key length is wrong
     */
    public static InstitutionCertificate parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteReader in = new ByteReader(bytes, "institution certificate");
        InstitutionCertificate certificate = read(in);
        in.expectEnd();
        return certificate;
    }

    /** Reads the certificate at the reader's position, as part of a larger structure. */
    static InstitutionCertificate read(ByteReader in) {
        int start = in.position();
        if (in.remaining() < LENGTH) {
            throw new RideCodeFormatException("institution certificate needs " + LENGTH + " bytes, only "
                    + in.remaining() + " left");
        }
        byte[] encoded = in.slice(start, start + LENGTH);
        return new InstitutionCertificate(in, encoded);
    }

    /**
     * What the central CA does: certifies an issuer key (SM2/SM3, sm2p256v1) until the end of
     * {@code expiryDate} (UTC+8).
     *
     * @param serviceId       opaque 32-bit service id
     * @param caKeyIndex      0..255, the index under which validators pin {@code caKey}'s public key
     * @param issuerId        opaque 32-bit issuer id
     * @param serial          0..16777215
     * @throws IllegalArgumentException if a value does not fit its field
     */
    public static InstitutionCertificate issue(int serviceId, int caKeyIndex, int issuerId, LocalDate expiryDate,
            int serial, Sm2PublicKey issuerPublicKey, Sm2PrivateKey caKey) {
        Objects.requireNonNull(expiryDate, "expiryDate");
        Objects.requireNonNull(issuerPublicKey, "issuerPublicKey");
        Objects.requireNonNull(caKey, "caKey");
        byte[] signed = new ByteWriter(SIGNED_LENGTH)
                .u8(RECORD_HEADER)
                .u32(Integer.toUnsignedLong(serviceId))
                .u8(caKeyIndex)
                .u8(CERTIFICATE_FORMAT)
                .u32(Integer.toUnsignedLong(issuerId))
                .u16(RideCodeDates.encode(expiryDate, "expiryDate"))
                .u24(serial)
                .u8(SIGNATURE_ALGORITHM_SM2_SM3)
                .u8(ENCRYPTION_ALGORITHM_SM2)
                .u8(KEY_PARAMETER_SM2P256V1)
                .u8(PUBLIC_KEY_LENGTH)
                .bytes(issuerPublicKey.encoded())
                .toArray();
        byte[] certificate = new ByteWriter(LENGTH).bytes(signed).bytes(SmCrypto.sign(caKey, signed)).toArray();
        return parse(certificate);
    }

    /** Whether the algorithm bytes name what this code can verify: SM2/SM3 over sm2p256v1. */
    public boolean declaresSm2() {
        return signatureAlgorithm == SIGNATURE_ALGORITHM_SM2_SM3 && encryptionAlgorithm == ENCRYPTION_ALGORITHM_SM2
                && keyParameter == KEY_PARAMETER_SM2P256V1;
    }

    /** Whether the CA signature verifies under {@code caKey}; one SM2 verification. */
    public boolean isSignedBy(Sm2PublicKey caKey) {
        return SmCrypto.verify(caKey, Arrays.copyOf(encoded, SIGNED_LENGTH),
                Arrays.copyOfRange(encoded, SIGNED_LENGTH, LENGTH));
    }

    /** Whether the certificate has expired on {@code today} (a UTC+8 date). */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(expiryDate);
    }

    /** The exact {@value #LENGTH} bytes; a fresh copy. */
    public byte[] encode() {
        return encoded.clone();
    }

    public int serviceId() {
        return serviceId;
    }

    public int caKeyIndex() {
        return caKeyIndex;
    }

    public int issuerId() {
        return issuerId;
    }

    /** Last day of validity, UTC+8. */
    public LocalDate expiryDate() {
        return expiryDate;
    }

    public int serial() {
        return serial;
    }

    public int signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public int encryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    public int keyParameter() {
        return keyParameter;
    }

    /** The issuer's 33-byte compressed public key, undecoded (decoding costs; the verifier caches it). */
    public byte[] issuerPublicKey() {
        return issuerPublicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstitutionCertificate that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return String.format("InstitutionCertificate[issuer=%08x, caKeyIndex=%d, serial=%d, expires=%s, key=%s]",
                issuerId, caKeyIndex, serial, expiryDate, HexFormat.of().formatHex(issuerPublicKey));
    }
}
