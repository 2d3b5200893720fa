package cn.gov.shanwei.xinyixing.ridecode.control;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.control.Discount;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The 信易行 entitlement carried in the issuer-defined card data (field 14), signed by the issuer as part of
 * the authorisation, so an offline validator knows which discount to give and until when.
 *
 * <p>Encoding: a sequence of TLV items, each tag 1 byte · length 1 byte · value. Known tags (all required,
 * each at most once, with exactly this length):
 * <pre>
 * tag  len value
 * 0x01  1  concession type: 00 none (standard fare, rate 0) · 01 信易行 · 02 elderly · 03 active serviceman · 04 disabled serviceman ·
 *          05 police disabled on duty · 06 disabled person · 07 special care · 08 student
 * 0x02  2  discount rate, basis points 0..10000 (5000 = 50 %)
 * 0x03  2  entitlement valid-until date, days since 1970-01-01, through that day in UTC+8 ({@link RideCodeDates})
 * 0x04  8  entitlement serial, 64 bits, never 0 (0 means "no card data" to {@link Revocations})
 * </pre>
 * Every credential this system issues carries card data, a standard-fare one too (concession 00): the
 * serial is what a blacklist cut-off ("every serial of this account up to N") compares, so a credential
 * without one could not be told from those issued before the cut-off.
 * {@link #encode()} writes the four tags in that order ({@value #ENCODED_LENGTH} bytes). Parsing skips tags it
 * does not know, in any position, so the issuer can add fields without breaking deployed validators; a
 * missing, repeated or wrong-length known tag is a format error, since an ambiguous entitlement must not be
 * guessed at. Unknown tags are lost on re-encoding, which is why {@link Authorisation} keeps the exact bytes
 * it was signed with.
 *
 * @param concession    the concession the ride carries, {@code null} for the standard fare; a non-信易行
 *                      concession gets the rate it carries too
 * @param rateBasisPoints share of the fare waived, 0..10000
 * @param validUntil    last day of the entitlement, UTC+8
 * @param serial        the entitlement serial the blacklist names
 */
public record CardData(ConcessionType concession, int rateBasisPoints, LocalDate validUntil, long serial) {

    public static final int TAG_CONCESSION = 0x01;
    public static final int TAG_RATE = 0x02;
    public static final int TAG_VALID_UNTIL = 0x03;
    public static final int TAG_SERIAL = 0x04;
    public static final int ENCODED_LENGTH = 3 + 4 + 4 + 10;

    public CardData {
        Objects.requireNonNull(validUntil, "validUntil");
        if (concession == null && rateBasisPoints != 0) {
            throw new IllegalArgumentException("the standard fare carries no discount");
        }
        if (rateBasisPoints < 0 || rateBasisPoints > Discount.FULL_BP) {
            throw new IllegalArgumentException("rate must be 0..10000 basis points: " + rateBasisPoints);
        }
        RideCodeDates.encode(validUntil, "validUntil");
        if (serial == 0) {
            throw new IllegalArgumentException("entitlement serial 0 is reserved");
        }
    }

    /** Whether the entitlement has lapsed on {@code today} (a UTC+8 date). */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(validUntil);
    }

    public byte[] encode() {
        return new ByteWriter(ENCODED_LENGTH)
                .u8(TAG_CONCESSION).u8(1).u8(ConcessionCodes.code(concession))
                .u8(TAG_RATE).u8(2).u16(rateBasisPoints)
                .u8(TAG_VALID_UNTIL).u8(2).u16(RideCodeDates.encode(validUntil, "validUntil"))
                .u8(TAG_SERIAL).u8(8).u64(serial)
                .toArray();
    }

    /**
     * @throws RideCodeFormatException if a TLV item runs past the end, a known tag is missing, repeated or has
     *                                 the wrong length, or a value is out of range
     */
    public static CardData parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteReader in = new ByteReader(bytes, "card data");
        boolean concessionSeen = false;
        ConcessionType concession = null;
        Integer rate = null;
        LocalDate validUntil = null;
        Long serial = null;
        while (in.remaining() > 0) {
            int tag = in.u8();
            int length = in.u8();
            switch (tag) {
                case TAG_CONCESSION -> {
                    expect(!concessionSeen, tag, length, 1);
                    concessionSeen = true;
                    concession = ConcessionCodes.type(in.u8());
                }
                case TAG_RATE -> {
                    expect(rate == null, tag, length, 2);
                    rate = in.u16();
                }
                case TAG_VALID_UNTIL -> {
                    expect(validUntil == null, tag, length, 2);
                    validUntil = RideCodeDates.decode(in.u16());
                }
                case TAG_SERIAL -> {
                    expect(serial == null, tag, length, 8);
                    serial = in.u64();
                }
                default -> in.skip(length);
            }
        }
        if (!concessionSeen || rate == null || validUntil == null || serial == null) {
            throw new RideCodeFormatException("card data lacks a required tag (concession, rate, valid-until, serial)");
        }
        try {
            return new CardData(concession, rate, validUntil, serial);
        } catch (IllegalArgumentException e) {
            throw new RideCodeFormatException("card data: " + e.getMessage());
        }
    }

    private static void expect(boolean first, int tag, int length, int expectedLength) {
        if (!first) {
            throw new RideCodeFormatException(String.format("card data tag 0x%02x appears twice", tag));
        }
        if (length != expectedLength) {
            throw new RideCodeFormatException(String.format("card data tag 0x%02x has length %d, expected %d", tag,
                    length, expectedLength));
        }
    }
}
