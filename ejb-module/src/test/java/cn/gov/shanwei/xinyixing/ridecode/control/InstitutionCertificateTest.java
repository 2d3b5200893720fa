package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;

class InstitutionCertificateTest {

    private final RideCodeFixture fixture = new RideCodeFixture();

    @Test
    void isExactly117BytesAndRoundTrips() {
        InstitutionCertificate cert = fixture.certificate();
        byte[] bytes = cert.encode();
        assertEquals(117, bytes.length);
        InstitutionCertificate parsed = InstitutionCertificate.parse(bytes);
        assertEquals(cert, parsed);
        assertArrayEquals(bytes, parsed.encode());
        assertEquals(0x0000_0001, parsed.serviceId());
        assertEquals(RideCodeFixture.CA_INDEX, parsed.caKeyIndex());
        assertEquals(0x4415_0001, parsed.issuerId());
        assertEquals(LocalDate.of(2027, 12, 31), parsed.expiryDate());
        assertEquals(7, parsed.serial());
        assertArrayEquals(fixture.issuer.publicKey().encoded(), parsed.issuerPublicKey());
        assertTrue(parsed.declaresSm2());
    }

    @Test
    void fieldsSitAtTheirOffsets() {
        byte[] b = fixture.certificate().encode();
        assertEquals(0x12, b[0]);
        assertArrayEquals(new byte[] {0, 0, 0, 1}, Arrays.copyOfRange(b, 1, 5));
        assertEquals(1, b[5]);
        assertEquals(0x01, b[6]);
        assertArrayEquals(new byte[] {0x44, 0x15, 0, 1}, Arrays.copyOfRange(b, 7, 11));
        // 2027-12-31 is day 21183 = 0x52BF since 1970-01-01
        assertArrayEquals(new byte[] {0x52, (byte) 0xBF}, Arrays.copyOfRange(b, 11, 13));
        assertArrayEquals(new byte[] {0, 0, 7}, Arrays.copyOfRange(b, 13, 16));
        assertArrayEquals(new byte[] {0x04, 0x04, 0x01, 33}, Arrays.copyOfRange(b, 16, 20));
        assertArrayEquals(fixture.issuer.publicKey().encoded(), Arrays.copyOfRange(b, 20, 53));
    }

    @Test
    void caSignatureCoversTheFirst53Bytes() {
        InstitutionCertificate cert = fixture.certificate();
        byte[] b = cert.encode();
        assertTrue(SmCrypto.verify(fixture.ca.publicKey(), Arrays.copyOf(b, 53), Arrays.copyOfRange(b, 53, 117)));
        assertTrue(cert.isSignedBy(fixture.ca.publicKey()));
        assertFalse(cert.isSignedBy(fixture.stranger.publicKey()));
        b[15] ^= 1; // serial
        assertFalse(InstitutionCertificate.parse(b).isSignedBy(fixture.ca.publicKey()));
    }

    @Test
    void expiresAfterItsExpiryDate() {
        InstitutionCertificate cert = fixture.certificate(LocalDate.of(2027, 1, 31));
        assertFalse(cert.isExpiredOn(LocalDate.of(2027, 1, 31)));
        assertTrue(cert.isExpiredOn(LocalDate.of(2027, 2, 1)));
    }

    @Test
    void parseWantsExactly117Bytes() {
        byte[] b = fixture.certificate().encode();
        assertThrows(RideCodeFormatException.class, () -> InstitutionCertificate.parse(Arrays.copyOf(b, 116)));
        assertThrows(RideCodeFormatException.class, () -> InstitutionCertificate.parse(Arrays.copyOf(b, 118)));
        assertThrows(RideCodeFormatException.class, () -> InstitutionCertificate.parse(new byte[0]));
    }

    @Test
    void parseRejectsWrongHeaderFormatOrKeyLength() {
        for (int offset : new int[] {0, 6, 19}) {
            byte[] b = fixture.certificate().encode();
            b[offset] ^= 0x40;
            assertThrows(RideCodeFormatException.class, () -> InstitutionCertificate.parse(b), "offset " + offset);
        }
    }

    @Test
    void foreignAlgorithmBytesParseButDoNotDeclareSm2() {
        byte[] b = fixture.certificate().encode();
        b[16] = 0x01;
        InstitutionCertificate parsed = InstitutionCertificate.parse(b);
        assertFalse(parsed.declaresSm2());
    }

    @Test
    void issueRejectsValuesThatDoNotFit() {
        var issuerKey = fixture.issuer.publicKey();
        var caKey = fixture.ca.privateKey();
        LocalDate expiry = LocalDate.of(2027, 1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> InstitutionCertificate.issue(1, 256, 1, expiry, 1, issuerKey, caKey));
        assertThrows(IllegalArgumentException.class,
                () -> InstitutionCertificate.issue(1, 1, 1, expiry, 1 << 24, issuerKey, caKey));
        assertThrows(IllegalArgumentException.class,
                () -> InstitutionCertificate.issue(1, 1, 1, LocalDate.of(1969, 12, 31), 1, issuerKey, caKey));
        assertThrows(IllegalArgumentException.class,
                () -> InstitutionCertificate.issue(1, 1, 1, LocalDate.of(2149, 6, 7), 1, issuerKey, caKey));
    }
}
