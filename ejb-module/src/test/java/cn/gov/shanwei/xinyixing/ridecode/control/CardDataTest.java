package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardDataTest {

    private static final HexFormat HEX = HexFormat.of();
    /** 信易行, 5000 bp, valid until 2027-06-30 (day 20999 = 0x5207), serial 1122334455667788. */
    private static final String ENCODED = "010101" + "02021388" + "03025207" + "04081122334455667788";

    @Test
    void encodesFourTagsIn21Bytes() {
        byte[] bytes = RideCodeFixture.cardData().encode();
        assertEquals(21, bytes.length);
        assertEquals(CardData.ENCODED_LENGTH, bytes.length);
        assertEquals(ENCODED, HEX.formatHex(bytes));
    }

    @Test
    void roundTripsEveryConcession() {
        for (ConcessionType type : ConcessionType.values()) {
            CardData data = new CardData(type, 10_000, LocalDate.of(2149, 6, 6), -1L);
            assertEquals(data, CardData.parse(data.encode()));
        }
    }

    @Test
    void skipsUnknownTagsAnywhere() {
        byte[] bytes = HEX.parseHex("7f03aabbcc" + "010101" + "02021388" + "1000" + "03025207"
                + "04081122334455667788" + "e001ff");
        assertEquals(RideCodeFixture.cardData(), CardData.parse(bytes));
    }

    @Test
    void acceptsTagsInAnyOrder() {
        byte[] bytes = HEX.parseHex("04081122334455667788" + "03025207" + "02021388" + "010101");
        assertEquals(RideCodeFixture.cardData(), CardData.parse(bytes));
    }

    @Test
    void requiresEveryKnownTag() {
        String[] items = {"010101", "02021388", "03025207", "04081122334455667788"};
        for (int missing = 0; missing < items.length; missing++) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < items.length; i++) {
                if (i != missing) {
                    hex.append(items[i]);
                }
            }
            byte[] bytes = HEX.parseHex(hex);
            assertThrows(RideCodeFormatException.class, () -> CardData.parse(bytes), "missing item " + missing);
        }
        assertThrows(RideCodeFormatException.class, () -> CardData.parse(new byte[0]));
    }

    @Test
    void rejectsRepeatedKnownTag() {
        byte[] bytes = HEX.parseHex(ENCODED + "02020001");
        assertThrows(RideCodeFormatException.class, () -> CardData.parse(bytes));
    }

    @Test
    void rejectsKnownTagWithWrongLength() {
        byte[] bytes = HEX.parseHex("01020001" + "02021388" + "03025207" + "04081122334455667788");
        assertThrows(RideCodeFormatException.class, () -> CardData.parse(bytes));
    }

    @Test
    void rejectsItemRunningPastTheEnd() {
        assertThrows(RideCodeFormatException.class, () -> CardData.parse(HEX.parseHex(ENCODED + "7f05aabb")));
        assertThrows(RideCodeFormatException.class, () -> CardData.parse(HEX.parseHex(ENCODED + "7f")));
    }

    @Test
    void rejectsOutOfRangeValues() {
        // rate 10001 bp
        assertThrows(RideCodeFormatException.class,
                () -> CardData.parse(HEX.parseHex("010101" + "02022711" + "03025207" + "04081122334455667788")));
        // unknown concession code 0x63
        assertThrows(RideCodeFormatException.class,
                () -> CardData.parse(HEX.parseHex("010163" + "02021388" + "03025207" + "04081122334455667788")));
        // serial 0 is reserved for "no entitlement"
        assertThrows(RideCodeFormatException.class,
                () -> CardData.parse(HEX.parseHex("010101" + "02021388" + "03025207" + "04080000000000000000")));
    }

    @Test
    void constructorGuardsItsFields() {
        LocalDate date = LocalDate.of(2027, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new CardData(ConcessionType.XINYIXING, -1, date, 1));
        assertThrows(NullPointerException.class, () -> new CardData(ConcessionType.XINYIXING, 5000, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new CardData(ConcessionType.XINYIXING, 10_001, date, 1));
        assertThrows(IllegalArgumentException.class, () -> new CardData(ConcessionType.XINYIXING, 5000, date, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CardData(ConcessionType.XINYIXING, 5000, LocalDate.of(2150, 1, 1), 1));
    }

    @Test
    void concessionCodesAreFixedAndDistinct() {
        Set<Integer> codes = new HashSet<>();
        for (ConcessionType type : ConcessionType.values()) {
            int code = ConcessionCodes.code(type);
            assertEquals(type, ConcessionCodes.type(code));
            assertTrue(codes.add(code), "duplicate code for " + type);
        }
        // Codes on the wire must not follow enum order changes.
        assertEquals(0x01, ConcessionCodes.code(ConcessionType.XINYIXING));
        assertEquals(0x02, ConcessionCodes.code(ConcessionType.ELDERLY));
        assertEquals(0x08, ConcessionCodes.code(ConcessionType.STUDENT));
        assertEquals(null, ConcessionCodes.type(0), "0x00 is the standard fare");
        assertEquals(0x00, ConcessionCodes.code(null));
        assertThrows(RideCodeFormatException.class, () -> ConcessionCodes.type(0x09));
    }

    @Test
    void aStandardFareCredentialCarriesItsSerialAndNoDiscount() {
        CardData standard = new CardData(null, 0, LocalDate.of(2027, 1, 1), 42);
        CardData parsed = CardData.parse(standard.encode());
        assertEquals(null, parsed.concession());
        assertEquals(42, parsed.serial());
        assertThrows(IllegalArgumentException.class, () -> new CardData(null, 5000, LocalDate.of(2027, 1, 1), 1));
    }

    @Test
    void expiresAfterValidUntil() {
        CardData data = RideCodeFixture.cardData();
        assertFalse(data.isExpiredOn(LocalDate.of(2027, 6, 30)));
        assertTrue(data.isExpiredOn(LocalDate.of(2027, 7, 1)));
    }
}
