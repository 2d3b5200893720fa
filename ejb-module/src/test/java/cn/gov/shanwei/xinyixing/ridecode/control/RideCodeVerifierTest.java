package cn.gov.shanwei.xinyixing.ridecode.control;

import static cn.gov.shanwei.xinyixing.ridecode.control.RideCodeFixture.NOW;
import static cn.gov.shanwei.xinyixing.ridecode.control.RideCodeFixture.SKEW;
import static cn.gov.shanwei.xinyixing.ridecode.control.RideCodeFixture.TODAY;
import static cn.gov.shanwei.xinyixing.ridecode.control.RideCodeFixture.VALIDITY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.control.Fare;

class RideCodeVerifierTest {

    private static final int FARE = 200;
    /** Offset of the authorisation inside a code. */
    private static final int AUTH = 3;

    private final RideCodeFixture fixture = new RideCodeFixture();
    private final Set<String> revokedAccounts = ConcurrentHashMap.newKeySet();
    private final Set<Long> revokedSerials = ConcurrentHashMap.newKeySet();
    private final Revocations blacklist = (account, serial) -> revokedAccounts.contains(account)
            || revokedSerials.contains(serial);
    private final RideCodeVerifier verifier = fixture.verifier(blacklist, new InMemoryReplayGuard(), 64);

    private long now() {
        return fixture.clock.instant().getEpochSecond();
    }

    private RideCodeReason reason(byte[] code) {
        return verifier.verify(code, FARE).reason();
    }

    private byte[] codeWith(AuthorisationTerms terms) {
        return fixture.code(fixture.authorisation(terms), now());
    }

    private AuthorisationTerms termsWithCardData(CardData cardData) {
        return fixture.terms(RideCodeFixture.ACCOUNT, NOW.getEpochSecond() + 86_400, cardData);
    }

    // ---------------------------------------------------------------- OK and the fare (step 8)

    @Test
    void validCodeChargesHalfAt5000BasisPoints() {
        byte[] code = fixture.code();
        Verification result = verifier.verify(code, FARE);
        assertEquals(RideCodeReason.OK, result.reason());
        assertTrue(result.ok());
        assertEquals(new Fare(200, 100, 100), result.fare());
        assertEquals(100, result.fare().chargedFen());
        assertEquals(100, result.fare().discountFen());
        assertArrayEquals(code, result.code().encode());
    }

    @Test
    void anotherConcessionGetsTheRateItCarries() {
        CardData elderly = new CardData(ConcessionType.ELDERLY, 10_000, LocalDate.of(2030, 1, 1), 99);
        Verification result = verifier.verify(codeWith(termsWithCardData(elderly)), FARE);
        assertEquals(new Fare(200, 200, 0), result.fare());
    }

    @Test
    void noCardDataMeansFullFareAndSerialZeroForTheBlacklist() {
        AtomicLong askedSerial = new AtomicLong(-1);
        RideCodeVerifier checking = fixture.verifier((account, serial) -> {
            askedSerial.set(serial);
            return false;
        }, new InMemoryReplayGuard(), 8);
        Verification result = checking.verify(codeWith(termsWithCardData(null)), FARE);
        assertEquals(new Fare(200, 0, 200), result.fare());
        assertEquals(0, askedSerial.get());
    }

    @Test
    void blacklistIsAskedWithAccountAndEntitlementSerial() {
        List<String> asked = new ArrayList<>();
        RideCodeVerifier checking = fixture.verifier((account, serial) -> {
            asked.add(account + "/" + Long.toHexString(serial));
            return false;
        }, new InMemoryReplayGuard(), 8);
        checking.verify(fixture.code(), FARE);
        assertEquals(List.of(RideCodeFixture.ACCOUNT + "/1122334455667788"), asked);
    }

    // ---------------------------------------------------------------- 1. MALFORMED

    @Test
    void truncatedCodeIsMalformed() {
        byte[] code = fixture.code();
        Verification result = verifier.verify(Arrays.copyOf(code, code.length - 1), FARE);
        assertEquals(RideCodeReason.MALFORMED, result.reason());
        assertNull(result.code());
        assertNull(result.fare());
    }

    @Test
    void trailingByteIsMalformed() {
        byte[] code = fixture.code();
        assertEquals(RideCodeReason.MALFORMED, reason(Arrays.copyOf(code, code.length + 1)));
        assertEquals(RideCodeReason.MALFORMED, reason(new byte[0]));
    }

    // ---------------------------------------------------------------- 2. certificate

    @Test
    void unknownCaIndexIsRefused() {
        RideCodeVerifier otherCa = new RideCodeVerifier(Map.of(2, fixture.ca.publicKey()), fixture.clock, SKEW,
                Revocations.NONE, new InMemoryReplayGuard(), 8);
        Verification result = otherCa.verify(fixture.code(), FARE);
        assertEquals(RideCodeReason.CA_KEY_UNKNOWN, result.reason());
        assertEquals(RideCodeFixture.ACCOUNT, result.code().authorisation().paymentAccount());
    }

    @Test
    void tamperedCertificateSignatureIsRefused() {
        byte[] code = fixture.code();
        code[AUTH + 80] ^= 0x01; // inside the CA signature
        assertEquals(RideCodeReason.CERTIFICATE_INVALID, reason(code));
        assertEquals(0, verifier.cachedCertificates());
    }

    @Test
    void certificateFromAnotherCaUnderAPinnedIndexIsRefused() {
        InstitutionCertificate forged = InstitutionCertificate.issue(1, RideCodeFixture.CA_INDEX, 0x4415_0001,
                LocalDate.of(2027, 12, 31), 7, fixture.issuer.publicKey(), fixture.stranger.privateKey());
        Authorisation auth = Authorisation.sign(fixture.terms(), forged, fixture.issuer.privateKey());
        assertEquals(RideCodeReason.CERTIFICATE_INVALID, reason(fixture.code(auth, now())));
    }

    @Test
    void certificateNamingAnotherAlgorithmIsRefusedEvenIfSigned() {
        byte[] cert = fixture.certificate().encode();
        cert[16] = 0x01; // signature algorithm other than SM2/SM3, then properly signed by the CA
        byte[] resigned = RideCodeFixture.resign(cert, fixture.ca.privateKey());
        Authorisation auth = Authorisation.sign(fixture.terms(), InstitutionCertificate.parse(resigned),
                fixture.issuer.privateKey());
        assertEquals(RideCodeReason.CERTIFICATE_INVALID, reason(fixture.code(auth, now())));
    }

    @Test
    void certificateWithAnUndecodableIssuerKeyIsRefused() {
        byte[] cert = fixture.certificate().encode();
        Arrays.fill(cert, 21, 53, (byte) 0xFF); // x ≥ p: not a field element
        byte[] signedCert = RideCodeFixture.resign(cert, fixture.ca.privateKey());
        byte[] auth = fixture.authorisation().encode();
        System.arraycopy(signedCert, 0, auth, 0, 117);
        assertEquals(RideCodeReason.CERTIFICATE_INVALID, reason(fixture.wrap(auth, now())));
    }

    @Test
    void expiredCertificateIsRefusedFromTheDayAfterItsExpiryDate() {
        InstitutionCertificate lastDay = fixture.certificate(TODAY);
        InstitutionCertificate yesterday = fixture.certificate(TODAY.minusDays(1));
        byte[] valid = fixture.code(Authorisation.sign(fixture.terms(), lastDay, fixture.issuer.privateKey()), now());
        byte[] expired = fixture.code(Authorisation.sign(fixture.terms(), yesterday, fixture.issuer.privateKey()),
                now());
        assertEquals(RideCodeReason.OK, reason(valid));
        assertEquals(RideCodeReason.CERTIFICATE_EXPIRED, reason(expired));
    }

    // ---------------------------------------------------------------- 3. authorisation

    @Test
    void tamperedAuthorisationIsRefused() {
        byte[] code = fixture.code();
        code[AUTH + 154] = (byte) 0xFF; // raise the per-ride limit without the issuer
        assertEquals(RideCodeReason.AUTHORISATION_INVALID, reason(code));
        assertEquals(0, verifier.cachedAuthorisations());
    }

    @Test
    void tamperedAuthorisationIsRefusedEvenAfterTheGenuineOneWasCached() {
        Authorisation auth = fixture.authorisation();
        assertEquals(RideCodeReason.OK, reason(fixture.code(auth, now())));
        byte[] raised = auth.encode();
        raised[154] = (byte) 0xFF;
        assertEquals(RideCodeReason.AUTHORISATION_INVALID, reason(fixture.wrap(raised, now() - 1)));
    }

    @Test
    void authorisationSignedByAnotherKeyIsRefused() {
        byte[] auth = RideCodeFixture.resign(fixture.authorisation().encode(), fixture.stranger.privateKey());
        assertEquals(RideCodeReason.AUTHORISATION_INVALID, reason(fixture.wrap(auth, now())));
    }

    @Test
    void authorisationWithAnUndecodableUserKeyIsRefused() {
        byte[] auth = fixture.authorisation().encode();
        Arrays.fill(auth, 156, 188, (byte) 0xFF);
        byte[] signed = RideCodeFixture.resign(auth, fixture.issuer.privateKey());
        assertEquals(RideCodeReason.AUTHORISATION_INVALID, reason(fixture.wrap(signed, now())));
    }

    @Test
    void expiredAuthorisationIsRefusedAfterItsExpirySecond() {
        byte[] lastSecond = codeWith(fixture.terms(RideCodeFixture.ACCOUNT, now(), RideCodeFixture.cardData()));
        byte[] expired = codeWith(fixture.terms("A2", now() - 1, RideCodeFixture.cardData()));
        assertEquals(RideCodeReason.OK, reason(lastSecond));
        assertEquals(RideCodeReason.AUTHORISATION_EXPIRED, reason(expired));
    }

    // ---------------------------------------------------------------- 4. user signature

    @Test
    void codeSignedWithAnotherKeyIsRefused() {
        byte[] code = RideCodeFixture.resign(fixture.code(), fixture.stranger.privateKey());
        assertEquals(RideCodeReason.USER_SIGNATURE_INVALID, reason(code));
    }

    @Test
    void alteredGenerationTimeIsRefused() {
        byte[] code = fixture.code();
        code[code.length - 66] ^= 0x01; // last byte of the generation time
        assertEquals(RideCodeReason.USER_SIGNATURE_INVALID, reason(code));
    }

    // ---------------------------------------------------------------- 5. time

    @Test
    void codeFromTheFutureIsValidOnlyWithinTheSkew() {
        Authorisation auth = fixture.authorisation();
        long skew = SKEW.toSeconds();
        assertEquals(RideCodeReason.OK, reason(fixture.code(auth, now() + skew)));
        assertEquals(RideCodeReason.NOT_YET_VALID, reason(fixture.code(auth, now() + skew + 1)));
    }

    @Test
    void codeOlderThanValidityPlusSkewHasExpired() {
        Authorisation auth = fixture.authorisation();
        long oldest = now() - VALIDITY - SKEW.toSeconds();
        assertEquals(RideCodeReason.OK, reason(fixture.code(auth, oldest)));
        assertEquals(RideCodeReason.CODE_EXPIRED, reason(fixture.code(auth, oldest - 1)));
    }

    // ---------------------------------------------------------------- 6. blacklist

    @Test
    void revokedAccountIsRefused() {
        revokedAccounts.add(RideCodeFixture.ACCOUNT);
        assertEquals(RideCodeReason.REVOKED, reason(fixture.code()));
    }

    @Test
    void revokedEntitlementSerialIsRefused() {
        revokedSerials.add(RideCodeFixture.SERIAL);
        assertEquals(RideCodeReason.REVOKED, reason(fixture.code()));
    }

    // ---------------------------------------------------------------- 7. replay

    @Test
    void sameCodeTwiceOnOneGuardIsAReplay() {
        byte[] code = fixture.code();
        assertEquals(RideCodeReason.OK, reason(code));
        Verification again = verifier.verify(code, FARE);
        assertEquals(RideCodeReason.REPLAYED, again.reason());
        assertNull(again.fare());
        // another validator has its own memory
        assertEquals(RideCodeReason.OK, fixture.verifier().verify(code, FARE).reason());
        // the next refresh of the same phone is a new code
        assertEquals(RideCodeReason.OK, reason(fixture.code(fixture.authorisation(), now() + 1)));
    }

    // ---------------------------------------------------------------- 8. entitlement

    @Test
    void entitlementIsValidThroughItsLastDayOnly() {
        CardData lastDay = new CardData(ConcessionType.XINYIXING, 5000, TODAY, 5);
        CardData yesterday = new CardData(ConcessionType.XINYIXING, 5000, TODAY.minusDays(1), 6);
        assertEquals(RideCodeReason.OK, reason(codeWith(termsWithCardData(lastDay))));
        // another rider: the same account and second would be a replay
        Verification expired = verifier.verify(codeWith(fixture.terms("A2", now() + 600, yesterday)), FARE);
        assertEquals(RideCodeReason.ENTITLEMENT_EXPIRED, expired.reason());
        assertNull(expired.fare());
    }

    @Test
    void entitlementDayEndsAtMidnightInShanweiNotUtc() {
        CardData today = new CardData(ConcessionType.XINYIXING, 5000, TODAY, 5);
        AuthorisationTerms terms = termsWithCardData(today);
        fixture.clock.set(Instant.parse("2026-11-26T15:59:00Z")); // 23:59 in Shanwei
        assertEquals(RideCodeReason.OK, reason(codeWith(terms)));
        fixture.clock.set(Instant.parse("2026-11-26T16:00:00Z")); // 00:00 on the 27th in Shanwei, still the 26th in UTC
        assertEquals(RideCodeReason.ENTITLEMENT_EXPIRED, reason(codeWith(terms)));
    }

    @Test
    void aChargeAboveTheAuthorisedPerRideLimitIsRefusedAndOneAtTheLimitIsNot() {
        int limit = fixture.authorisation().amountLimitFen();
        CardData halfFare = new CardData(ConcessionType.XINYIXING, 5000, TODAY, 7);
        // at half fare the rider pays half of an even fare: exactly the limit, then a fen over it
        assertEquals(RideCodeReason.OK, verifier.verify(codeWith(termsWithCardData(halfFare)), 2 * limit).reason());
        Verification over = verifier.verify(codeWith(fixture.terms("A3", now() + 600, halfFare)), 2 * limit + 2);
        assertEquals(RideCodeReason.AMOUNT_LIMIT_EXCEEDED, over.reason());
        assertNull(over.fare());
    }

    // ---------------------------------------------------------------- order of the checks

    @Test
    void unknownCaIndexIsReportedBeforeABrokenCertificate() {
        RideCodeVerifier otherCa = new RideCodeVerifier(Map.of(9, fixture.ca.publicKey()), fixture.clock, SKEW,
                Revocations.NONE, new InMemoryReplayGuard(), 8);
        byte[] code = fixture.code();
        code[AUTH + 80] ^= 0x01;
        assertEquals(RideCodeReason.CA_KEY_UNKNOWN, otherCa.verify(code, FARE).reason());
    }

    @Test
    void expiredCertificateIsReportedBeforeATamperedAuthorisation() {
        InstitutionCertificate expired = fixture.certificate(TODAY.minusDays(1));
        byte[] code = fixture.code(Authorisation.sign(fixture.terms(), expired, fixture.issuer.privateKey()), now());
        code[AUTH + 154] ^= 0x01;
        assertEquals(RideCodeReason.CERTIFICATE_EXPIRED, reason(code));
    }

    @Test
    void expiredAuthorisationIsReportedBeforeABadUserSignature() {
        byte[] code = codeWith(fixture.terms(RideCodeFixture.ACCOUNT, now() - 1, RideCodeFixture.cardData()));
        assertEquals(RideCodeReason.AUTHORISATION_EXPIRED,
                reason(RideCodeFixture.resign(code, fixture.stranger.privateKey())));
    }

    @Test
    void badUserSignatureIsReportedBeforeTime() {
        byte[] code = fixture.code(fixture.authorisation(), now() + 3600);
        assertEquals(RideCodeReason.USER_SIGNATURE_INVALID,
                reason(RideCodeFixture.resign(code, fixture.stranger.privateKey())));
    }

    @Test
    void expiredAndRevokedCodeReportsTheEarlierCheck() {
        revokedAccounts.add(RideCodeFixture.ACCOUNT);
        byte[] stale = fixture.code(fixture.authorisation(), now() - 3600);
        assertEquals(RideCodeReason.CODE_EXPIRED, reason(stale));
    }

    @Test
    void revokedCodeIsNotRecordedAsUsed() {
        byte[] code = fixture.code();
        revokedAccounts.add(RideCodeFixture.ACCOUNT);
        assertEquals(RideCodeReason.REVOKED, reason(code));
        assertEquals(RideCodeReason.REVOKED, reason(code)); // not REPLAYED: the blacklist comes first
        revokedAccounts.clear();
        assertEquals(RideCodeReason.OK, reason(code)); // the refusals did not burn it
    }

    @Test
    void replayIsReportedBeforeAnExpiredEntitlement() {
        CardData expired = new CardData(ConcessionType.XINYIXING, 5000, TODAY.minusDays(1), 6);
        byte[] code = codeWith(termsWithCardData(expired));
        assertEquals(RideCodeReason.ENTITLEMENT_EXPIRED, reason(code));
        assertEquals(RideCodeReason.REPLAYED, reason(code));
    }

    @Test
    void negativeFareIsAProgrammingErrorAndDoesNotBurnTheCode() {
        byte[] code = fixture.code();
        assertThrows(IllegalArgumentException.class, () -> verifier.verify(code, -1));
        assertEquals(RideCodeReason.OK, reason(code));
    }

    // ---------------------------------------------------------------- caches

    @Test
    void refreshedCodesReuseTheVerifiedCertificateAndAuthorisation() {
        Authorisation auth = fixture.authorisation();
        for (int i = 0; i < 5; i++) {
            assertEquals(RideCodeReason.OK, reason(fixture.code(auth, now() - i)));
        }
        assertEquals(1, verifier.cachedCertificates());
        assertEquals(1, verifier.cachedAuthorisations());
    }

    @Test
    void cachesDoNotGrowPastTheirSize() {
        RideCodeVerifier small = fixture.verifier(Revocations.NONE, new InMemoryReplayGuard(), 3);
        for (int i = 0; i < 7; i++) {
            // a distinct certificate and a distinct authorisation for every rider
            InstitutionCertificate cert = InstitutionCertificate.issue(1, RideCodeFixture.CA_INDEX, 0x4415_0001,
                    LocalDate.of(2027, 12, 31), i, fixture.issuer.publicKey(), fixture.ca.privateKey());
            Authorisation auth = Authorisation.sign(fixture.terms("RIDER" + i, now() + 600,
                    RideCodeFixture.cardData()), cert, fixture.issuer.privateKey());
            assertEquals(RideCodeReason.OK, small.verify(fixture.code(auth, now()), FARE).reason());
            assertTrue(small.cachedAuthorisations() <= 3);
        }
        assertEquals(3, small.cachedCertificates());
        assertEquals(3, small.cachedAuthorisations());
    }

    @Test
    void evictedAuthorisationIsVerifiedAgainAndStillAccepted() {
        RideCodeVerifier tiny = fixture.verifier(Revocations.NONE, new InMemoryReplayGuard(), 1);
        Authorisation first = fixture.authorisation(fixture.terms("FIRST", now() + 600, RideCodeFixture.cardData()));
        Authorisation second = fixture.authorisation(fixture.terms("SECOND", now() + 600, RideCodeFixture.cardData()));
        assertEquals(RideCodeReason.OK, tiny.verify(fixture.code(first, now()), FARE).reason());
        assertEquals(RideCodeReason.OK, tiny.verify(fixture.code(second, now()), FARE).reason());
        assertEquals(RideCodeReason.OK, tiny.verify(fixture.code(first, now() - 1), FARE).reason());
        assertEquals(1, tiny.cachedAuthorisations());
    }

    @Test
    void cachedAuthorisationStillExpiresWithTheClock() {
        Authorisation auth = fixture.authorisation(); // expires NOW + 1 day
        assertEquals(RideCodeReason.OK, reason(fixture.code(auth, now())));
        assertEquals(1, verifier.cachedAuthorisations());

        fixture.clock.set(Instant.ofEpochSecond(auth.expiresAt()));
        assertEquals(RideCodeReason.OK, reason(fixture.code(auth, now())));
        fixture.clock.advance(Duration.ofSeconds(1));
        assertEquals(RideCodeReason.AUTHORISATION_EXPIRED, reason(fixture.code(auth, now())));
        assertEquals(1, verifier.cachedAuthorisations());
    }

    @Test
    void cachedCertificateStillExpiresWithTheClock() {
        InstitutionCertificate cert = fixture.certificate(TODAY.plusDays(1));
        Authorisation auth = Authorisation.sign(fixture.terms(RideCodeFixture.ACCOUNT, now() + 7 * 86_400,
                RideCodeFixture.cardData()), cert, fixture.issuer.privateKey());
        assertEquals(RideCodeReason.OK, reason(fixture.code(auth, now())));
        fixture.clock.set(Instant.parse("2026-11-27T16:00:00Z")); // 2026-11-28 00:00 in Shanwei
        assertEquals(RideCodeReason.CERTIFICATE_EXPIRED, reason(fixture.code(auth, now())));
    }

    // ---------------------------------------------------------------- threads

    @Test
    void concurrentScansOfDistinctCodesAllPass() throws Exception {
        Authorisation auth = fixture.authorisation();
        List<byte[]> codes = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            codes.add(fixture.code(auth, now() - i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RideCodeReason>> results = new ArrayList<>();
            for (byte[] code : codes) {
                results.add(pool.submit(() -> reason(code)));
            }
            for (Future<RideCodeReason> result : results) {
                assertEquals(RideCodeReason.OK, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, verifier.cachedAuthorisations());
    }

    @Test
    void oneCodeScannedAtOnceOnManyThreadsPassesExactlyOnce() throws Exception {
        byte[] code = fixture.code();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RideCodeReason>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return reason(code);
                }));
            }
            start.countDown();
            int ok = 0;
            int replayed = 0;
            for (Future<RideCodeReason> result : results) {
                RideCodeReason reason = result.get();
                ok += reason == RideCodeReason.OK ? 1 : 0;
                replayed += reason == RideCodeReason.REPLAYED ? 1 : 0;
            }
            assertEquals(1, ok);
            assertEquals(7, replayed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void constructorRefusesNonsense() {
        var keys = Map.of(1, fixture.ca.publicKey());
        assertThrows(IllegalArgumentException.class, () -> new RideCodeVerifier(keys, fixture.clock,
                Duration.ofSeconds(-1), Revocations.NONE, new InMemoryReplayGuard(), 8));
        assertThrows(IllegalArgumentException.class, () -> new RideCodeVerifier(keys, fixture.clock, SKEW,
                Revocations.NONE, new InMemoryReplayGuard(), 0));
    }
}
