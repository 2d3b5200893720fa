package cn.gov.shanwei.xinyixing.validatorkit;

import static cn.gov.shanwei.xinyixing.validatorkit.TestChain.ACCOUNT;
import static cn.gov.shanwei.xinyixing.validatorkit.TestChain.NOW;
import static cn.gov.shanwei.xinyixing.validatorkit.TestChain.SERIAL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeReason;
import cn.gov.shanwei.xinyixing.ridecode.qr.RideCodeQr;

/** The kit's offline scan: the project's verifier on the kit's blacklist and replay guard, each scan stored. */
class OfflineScanTest {

    private static final int FARE = 200;

    @TempDir
    Path dir;

    private final TestChain chain = new TestChain();
    private final Set<RideCodeReason> seen = EnumSet.noneOf(RideCodeReason.class);
    private ValidatorKit kit;

    private ValidatorKit kit() throws IOException {
        if (kit == null) {
            kit = ValidatorKit.builder().deviceId("BUS-0001").dataDirectory(dir).clock(chain.clock)
                    .caKey(TestChain.CA_INDEX, chain.caKeyHex()).route("5", FARE).build();
        }
        return kit;
    }

    @AfterEach
    void close() throws IOException {
        if (kit != null) {
            kit.close();
        }
    }

    private String scan(byte[] code) throws IOException {
        Scan scan = kit().scan(code);
        seen.add(RideCodeReason.valueOf(scan.reason()));
        return scan.reason();
    }

    @Test
    void acceptsAValidCodeChargesHalfAndStoresTheTripBeforeAnswering() throws IOException {
        byte[] code = chain.code(3);
        Scan scan = kit().scan(code);
        assertEquals("OK", scan.reason());
        assertEquals(Scan.Source.OFFLINE, scan.source());
        assertEquals(200, scan.originalFen());
        assertEquals(100, scan.discountFen());
        assertEquals(100, scan.chargedFen());
        assertNull(scan.tripId());
        List<TripRecord> stored = kit.store().pending(10);
        assertEquals(1, stored.size());
        TripRecord record = stored.get(0);
        assertEquals(scan.serial(), record.serial());
        assertArrayEquals(code, record.code());
        assertEquals(NOW, record.scannedAt());
        assertEquals("5", record.routeNo());
        assertEquals(FARE, record.fareFen());
        assertEquals("OK", record.verdict());
    }

    @Test
    void readsTheCodeFromAQrImage() throws IOException {
        byte[] code = chain.code();
        assertArrayEquals(code, ValidatorKit.decodeQr(RideCodeQr.png(code, 4)));
        assertEquals("OK", kit().scan(ValidatorKit.decodeQr(RideCodeQr.png(code, 4))).reason());
    }

    @Test
    void everyRefusalTheValidatorCanMeetHasItsReasonAndIsStoredToo() throws IOException {
        byte[] good = chain.code();
        assertEquals("MALFORMED", scan(new byte[] {1, 2, 3}));

        byte[] unknownCa = good.clone();
        unknownCa[3 + 5] = 9; // CA key index inside the certificate; user signature no longer matters
        assertEquals("CA_KEY_UNKNOWN", scan(chain.resignByUser(unknownCa)));

        // a certificate signed by someone else under the pinned index
        Authorisation forgedCert = Authorisation.sign(chain.terms(ACCOUNT, SERIAL, NOW.getEpochSecond() + 3600,
                LocalDate.of(2027, 6, 30)), chain.certificate(LocalDate.of(2027, 12, 31),
                SmCrypto.generateSm2KeyPair().privateKey()), chain.issuer.privateKey());
        assertEquals("CERTIFICATE_INVALID", scan(chain.code(forgedCert, NOW.getEpochSecond())));

        Authorisation oldCert = Authorisation.sign(chain.terms(ACCOUNT, SERIAL, NOW.getEpochSecond() + 3600,
                LocalDate.of(2027, 6, 30)), chain.certificate(LocalDate.of(2026, 11, 25), chain.ca.privateKey()),
                chain.issuer.privateKey());
        assertEquals("CERTIFICATE_EXPIRED", scan(chain.code(oldCert, NOW.getEpochSecond())));

        byte[] tamperedAuthorisation = good.clone();
        tamperedAuthorisation[3 + 117 + 2] ^= 1; // a byte of the payment account, under the issuer's signature
        assertEquals("AUTHORISATION_INVALID", scan(chain.resignByUser(tamperedAuthorisation)));

        Authorisation expired = Authorisation.sign(chain.terms(ACCOUNT, SERIAL, NOW.getEpochSecond() - 1,
                LocalDate.of(2027, 6, 30)), chain.certificate, chain.issuer.privateKey());
        assertEquals("AUTHORISATION_EXPIRED", scan(chain.code(expired, NOW.getEpochSecond())));

        byte[] badUser = chain.code(1);
        badUser[badUser.length - 1] ^= 1;
        assertEquals("USER_SIGNATURE_INVALID", scan(badUser));

        assertEquals("NOT_YET_VALID", scan(chain.code(-31)));
        assertEquals("CODE_EXPIRED", scan(chain.code(TestChain.VALIDITY + 31)));

        kit().blacklist().merge(1, List.of(new BlacklistCache.Entry(1, "PA0000000000009", null, "FRAUD")));
        Authorisation blacklisted = chain.authorisation("PA0000000000009", 3);
        assertEquals("REVOKED", scan(chain.code(blacklisted, NOW.getEpochSecond())));

        byte[] once = chain.code(2);
        assertEquals("OK", scan(once));
        assertEquals("REPLAYED", scan(once));

        Authorisation lapsed = Authorisation.sign(chain.terms(ACCOUNT, SERIAL, NOW.getEpochSecond() + 3600,
                LocalDate.of(2026, 11, 25)), chain.certificate, chain.issuer.privateKey());
        assertEquals("ENTITLEMENT_EXPIRED", scan(chain.code(lapsed, NOW.getEpochSecond())));

        assertEquals(EnumSet.allOf(RideCodeReason.class), seen, "every reason produced once");
        // refused scans are trips too, each under its own serial and with its verdict
        List<TripRecord> stored = kit.store().pending(100);
        assertEquals(13, stored.size());
        assertEquals(List.of("MALFORMED", "CA_KEY_UNKNOWN"), stored.subList(0, 2).stream().map(TripRecord::verdict)
                .toList());
        for (int i = 1; i < stored.size(); i++) {
            assertEquals(stored.get(i - 1).serial() + 1, stored.get(i).serial());
        }
    }

    @Test
    void aCodeAcceptedBeforeARestartIsStillAReplayAfterIt() throws IOException {
        byte[] code = chain.code(1);
        assertEquals("OK", kit().scan(code).reason());
        kit.close();
        kit = null;
        chain.clock.advance(Duration.ofSeconds(5));
        assertEquals("REPLAYED", kit().scan(code).reason());
        assertTrue(kit.store().nextSerial() > 2);
    }
}
