package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;

/**
 * The issuer's signed authorisation (fields 3–16): the phone receives it online, e.g. daily, and then makes
 * codes offline under it until it expires.
 *
 * <p>Layout, multi-byte integers big-endian, {@code 260 + n} bytes:
 * <pre>
 * offset  len field
 *      0  117 institution certificate             {@link InstitutionCertificate}
 *    117   16 payment account number              ASCII, right-padded with spaces (see below)
 *    133   10 user account number                 ASCII, right-padded with spaces
 *    143    4 card issuer code                    opaque 32 bits
 *    147    4 QR platform id                      opaque 32 bits
 *    151    1 account type                        01 standard · 02 信易行 credit · 03 other concession
 *    152    3 per-ride amount limit               fen
 *    155   33 user public key                     compressed SM2 point
 *    188    4 authorisation expiry                Unix seconds, valid up to and including this second
 *    192    2 code validity                       seconds
 *    194    1 card data length n                  0..255; 0 = no entitlement
 *    195    n card data                           {@link CardData} TLV
 *  195+n    1 signature length                    0x40
 *  196+n   64 issuer signature                    SM2/SM3 raw r‖s over offsets 0 .. 194+n (fields 3–14)
 * </pre>
 * Account fields: printable ASCII without spaces, left-aligned, padded with 0x20; parsing is strict so one
 * account has one encoding. The account type is informational; the discount comes from the card data alone.
 * The exact bytes are kept, so {@link #encode()} returns what was signed even when the card data carries tags
 * this version does not know. Immutable.
 */
public final class Authorisation {

    public static final int PAYMENT_ACCOUNT_LENGTH = 16;
    public static final int USER_ACCOUNT_LENGTH = 10;
    public static final int SIGNATURE_LENGTH = 0x40;
    /** Length without card data: fields 3–13, 15 and 16. */
    public static final int FIXED_LENGTH = InstitutionCertificate.LENGTH + 16 + 10 + 4 + 4 + 1 + 3 + 33 + 4 + 2 + 1
            + 1 + SIGNATURE_LENGTH;
    public static final int MAX_CARD_DATA_LENGTH = 0xFF;

    public static final int ACCOUNT_TYPE_STANDARD = 0x01;
    public static final int ACCOUNT_TYPE_XINYIXING = 0x02;
    public static final int ACCOUNT_TYPE_CONCESSION = 0x03;

    private final InstitutionCertificate certificate;
    private final String paymentAccount;
    private final String userAccount;
    private final int cardIssuerCode;
    private final int qrPlatformId;
    private final int accountType;
    private final int amountLimitFen;
    private final byte[] userPublicKey;
    private final long expiresAt;
    private final int codeValiditySeconds;
    private final CardData cardData;
    /** Length of fields 3–14, the part the issuer signs. */
    private final int signedLength;
    private final byte[] encoded;

    private Authorisation(ByteReader in) {
        int start = in.position();
        certificate = InstitutionCertificate.read(in);
        paymentAccount = AsciiField.decode(in.bytes(PAYMENT_ACCOUNT_LENGTH), "payment account number");
        userAccount = AsciiField.decode(in.bytes(USER_ACCOUNT_LENGTH), "user account number");
        cardIssuerCode = (int) in.u32();
        qrPlatformId = (int) in.u32();
        accountType = in.u8();
        amountLimitFen = in.u24();
        userPublicKey = in.bytes(InstitutionCertificate.PUBLIC_KEY_LENGTH);
        expiresAt = in.u32();
        codeValiditySeconds = in.u16();
        int cardDataLength = in.u8();
        cardData = cardDataLength == 0 ? null : CardData.parse(in.bytes(cardDataLength));
        signedLength = in.position() - start;
        int signatureLength = in.u8();
        if (signatureLength != SIGNATURE_LENGTH) {
            throw new RideCodeFormatException("issuer signature length " + signatureLength + ", expected "
                    + SIGNATURE_LENGTH);
        }
        in.skip(SIGNATURE_LENGTH);
        encoded = in.slice(start, in.position());
    }

    /**
     * Parses exactly one authorisation.
     *
     * @throws RideCodeFormatException on any length, padding or TLV error, or trailing bytes
     */
    public static Authorisation parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteReader in = new ByteReader(bytes, "authorisation");
        Authorisation authorisation = new Authorisation(in);
        in.expectEnd();
        return authorisation;
    }

    static Authorisation read(ByteReader in) {
        return new Authorisation(in);
    }

    /**
     * What the issuer does online: signs {@code terms} under {@code cert} with the key that certificate names.
     *
     * @throws IllegalArgumentException if {@code issuerKey} is not the key in {@code cert}: such an
     *                                  authorisation could never verify, better to fail at the issuer
     */
    public static Authorisation sign(AuthorisationTerms terms, InstitutionCertificate cert, Sm2PrivateKey issuerKey) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(issuerKey, "issuerKey");
        if (!Arrays.equals(issuerKey.publicKey().encoded(), cert.issuerPublicKey())) {
            throw new IllegalArgumentException("the issuer key is not the one the certificate names");
        }
        byte[] card = terms.cardData() == null ? new byte[0] : terms.cardData().encode();
        int signedLength = FIXED_LENGTH - 1 - SIGNATURE_LENGTH + card.length;
        byte[] signed = new ByteWriter(signedLength)
                .bytes(cert.encode())
                .bytes(AsciiField.encode(terms.paymentAccount(), PAYMENT_ACCOUNT_LENGTH, "paymentAccount"))
                .bytes(AsciiField.encode(terms.userAccount(), USER_ACCOUNT_LENGTH, "userAccount"))
                .u32(Integer.toUnsignedLong(terms.cardIssuerCode()))
                .u32(Integer.toUnsignedLong(terms.qrPlatformId()))
                .u8(terms.accountType())
                .u24(terms.amountLimitFen())
                .bytes(terms.userPublicKey().encoded())
                .u32(terms.expiresAt())
                .u16(terms.codeValiditySeconds())
                .u8(card.length)
                .bytes(card)
                .toArray();
        return parse(new ByteWriter(signedLength + 1 + SIGNATURE_LENGTH)
                .bytes(signed)
                .u8(SIGNATURE_LENGTH)
                .bytes(SmCrypto.sign(issuerKey, signed))
                .toArray());
    }

    /** Whether the issuer signature verifies under {@code issuerKey}; one SM2 verification. */
    public boolean isSignedBy(Sm2PublicKey issuerKey) {
        return SmCrypto.verify(issuerKey, Arrays.copyOf(encoded, signedLength),
                Arrays.copyOfRange(encoded, signedLength + 1, encoded.length));
    }

    /** Whether the authorisation has expired at {@code epochSecond}: only after its expiry second. */
    public boolean isExpiredAt(long epochSecond) {
        return epochSecond > expiresAt;
    }

    /** The exact bytes of fields 3–16; a fresh copy. */
    public byte[] encode() {
        return encoded.clone();
    }

    public int length() {
        return encoded.length;
    }

    public InstitutionCertificate certificate() {
        return certificate;
    }

    public String paymentAccount() {
        return paymentAccount;
    }

    public String userAccount() {
        return userAccount;
    }

    public int cardIssuerCode() {
        return cardIssuerCode;
    }

    public int qrPlatformId() {
        return qrPlatformId;
    }

    public int accountType() {
        return accountType;
    }

    public int amountLimitFen() {
        return amountLimitFen;
    }

    /** The 33-byte compressed user key, undecoded (decoding costs; the verifier caches it). */
    public byte[] userPublicKey() {
        return userPublicKey.clone();
    }

    /** Unix seconds; valid up to and including this second. */
    public long expiresAt() {
        return expiresAt;
    }

    public int codeValiditySeconds() {
        return codeValiditySeconds;
    }

    /** The entitlement, empty for an account without one (card data length 0). */
    public Optional<CardData> cardData() {
        return Optional.ofNullable(cardData);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Authorisation that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        // No account numbers: they are personal data, and toString ends up in logs.
        return "Authorisation[issuer=" + Integer.toHexString(certificate.issuerId()) + ", expiresAt=" + expiresAt
                + ", cardData=" + cardData + "]";
    }
}
