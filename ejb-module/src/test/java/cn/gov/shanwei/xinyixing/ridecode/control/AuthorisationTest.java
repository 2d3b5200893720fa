package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;

class AuthorisationTest {

    private final RideCodeFixture fixture = new RideCodeFixture();

    @Test
    void is260BytesPlusCardData() {
        assertEquals(260 + 21, fixture.authorisation().encode().length);
        Authorisation bare = fixture.authorisation(fixture.terms("A1", 1, null));
        assertEquals(260, bare.encode().length);
        assertEquals(Optional.empty(), bare.cardData());
        assertEquals(Authorisation.FIXED_LENGTH, 117 + 16 + 10 + 4 + 4 + 1 + 3 + 33 + 4 + 2 + 1 + 1 + 64);
    }

    @Test
    void roundTrips() {
        Authorisation auth = fixture.authorisation();
        Authorisation parsed = Authorisation.parse(auth.encode());
        assertEquals(auth, parsed);
        assertArrayEquals(auth.encode(), parsed.encode());
        assertArrayEquals(Arrays.copyOf(auth.encode(), 117), parsed.certificate().encode());
        assertEquals(RideCodeFixture.ACCOUNT, parsed.paymentAccount());
        assertEquals("U000000001", parsed.userAccount());
        assertEquals(0x4415_0000, parsed.cardIssuerCode());
        assertEquals(0x0000_0101, parsed.qrPlatformId());
        assertEquals(Authorisation.ACCOUNT_TYPE_XINYIXING, parsed.accountType());
        assertEquals(500, parsed.amountLimitFen());
        assertArrayEquals(fixture.user.publicKey().encoded(), parsed.userPublicKey());
        assertEquals(RideCodeFixture.NOW.getEpochSecond() + 86_400, parsed.expiresAt());
        assertEquals(60, parsed.codeValiditySeconds());
        assertEquals(Optional.of(RideCodeFixture.cardData()), parsed.cardData());
    }

    @Test
    void fieldsSitAtTheirOffsetsBigEndian() {
        byte[] b = fixture.authorisation(fixture.terms("PA12345", 0xFEDC_BA98L, RideCodeFixture.cardData())).encode();
        assertEquals("PA12345         ", new String(b, 117, 16, StandardCharsets.US_ASCII));
        assertEquals("U000000001", new String(b, 133, 10, StandardCharsets.US_ASCII));
        assertEquals("44150000" + "00000101" + "02" + "0001f4", HexFormat.of().formatHex(b, 143, 155));
        assertArrayEquals(fixture.user.publicKey().encoded(), Arrays.copyOfRange(b, 155, 188));
        assertEquals("fedcba98" + "003c" + "15", HexFormat.of().formatHex(b, 188, 195));
        assertArrayEquals(RideCodeFixture.cardData().encode(), Arrays.copyOfRange(b, 195, 216));
        assertEquals(0x40, b[216]);
    }

    @Test
    void issuerSignatureCoversFields3To14() {
        Authorisation auth = fixture.authorisation();
        byte[] b = auth.encode();
        int signed = 195 + 21;
        assertTrue(SmCrypto.verify(fixture.issuer.publicKey(), Arrays.copyOf(b, signed),
                Arrays.copyOfRange(b, signed + 1, b.length)));
        assertTrue(auth.isSignedBy(fixture.issuer.publicKey()));
        assertFalse(auth.isSignedBy(fixture.ca.publicKey()));
        b[154] ^= 1; // amount limit
        assertFalse(Authorisation.parse(b).isSignedBy(fixture.issuer.publicKey()));
    }

    @Test
    void expiresOnlyAfterItsExpirySecond() {
        Authorisation auth = fixture.authorisation(fixture.terms("A1", 1_000, null));
        assertFalse(auth.isExpiredAt(1_000));
        assertTrue(auth.isExpiredAt(1_001));
    }

    @Test
    void keepsUnknownCardDataTagsItWasSignedWith() {
        // the four known tags plus one this version does not know
        String known = HexFormat.of().formatHex(RideCodeFixture.cardData().encode());
        byte[] card = HexFormat.of().parseHex(known + "7e02abcd");
        byte[] base = fixture.authorisation(fixture.terms(RideCodeFixture.ACCOUNT, 2_000_000_000L, null)).encode();
        byte[] withCard = new ByteWriter(base.length + card.length)
                .bytes(Arrays.copyOf(base, 194)).u8(card.length).bytes(card)
                .bytes(Arrays.copyOfRange(base, 195, base.length))
                .toArray();
        byte[] signed = RideCodeFixture.resign(withCard, fixture.issuer.privateKey());
        Authorisation parsed = Authorisation.parse(signed);
        assertEquals(Optional.of(RideCodeFixture.cardData()), parsed.cardData());
        assertArrayEquals(signed, parsed.encode());
        assertTrue(parsed.isSignedBy(fixture.issuer.publicKey()));
    }

    @Test
    void parseIsExact() {
        byte[] b = fixture.authorisation().encode();
        assertThrows(RideCodeFormatException.class, () -> Authorisation.parse(Arrays.copyOf(b, b.length - 1)));
        assertThrows(RideCodeFormatException.class, () -> Authorisation.parse(Arrays.copyOf(b, b.length + 1)));
    }

    @Test
    void parseRejectsBadPaddingAndSignatureLength() {
        byte[] nulPadded = fixture.authorisation().encode();
        nulPadded[117 + 15] = 0; // last byte of the 15-character account is padding
        assertThrows(RideCodeFormatException.class, () -> Authorisation.parse(nulPadded));

        byte[] leadingSpace = fixture.authorisation().encode();
        leadingSpace[117] = ' ';
        assertThrows(RideCodeFormatException.class, () -> Authorisation.parse(leadingSpace));

        byte[] highByte = fixture.authorisation().encode();
        highByte[133] = (byte) 0xE4;
        assertThrows(RideCodeFormatException.class, () -> Authorisation.parse(highByte));

        byte[] signatureLength = fixture.authorisation().encode();
        signatureLength[216] = 0x41;
        assertThrows(RideCodeFormatException.class, () -> Authorisation.parse(signatureLength));
    }

    @Test
    void termsRefuseWhatCannotBeEncoded() {
        assertThrows(IllegalArgumentException.class, () -> fixture.terms("", 1, null));
        assertThrows(IllegalArgumentException.class, () -> fixture.terms("12345678901234567", 1, null));
        assertThrows(IllegalArgumentException.class, () -> fixture.terms("PA 123", 1, null));
        assertThrows(IllegalArgumentException.class, () -> fixture.terms("账户", 1, null));
        assertThrows(IllegalArgumentException.class, () -> fixture.terms("A1", -1, null));
        assertThrows(IllegalArgumentException.class, () -> fixture.terms("A1", 0x1_0000_0000L, null));
    }

    @Test
    void signRefusesAKeyTheCertificateDoesNotName() {
        assertThrows(IllegalArgumentException.class,
                () -> Authorisation.sign(fixture.terms(), fixture.certificate(), fixture.stranger.privateKey()));
    }
}
