package cn.gov.shanwei.xinyixing.validatorkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.AuthorisationTerms;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.ridecode.control.InstitutionCertificate;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;

/**
 * Ride codes made with the project's own issuing classes (CA → issuer → user), fresh keys per instance, as the
 * ejb-module's verifier tests make them; plus a clock the test moves.
 */
final class TestChain {

    /** 2026-11-26 08:00 in Shanwei. */
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final int CA_INDEX = 1;
    static final String ACCOUNT = "PA6217000012345";
    static final long SERIAL = 7;
    static final int VALIDITY = 60;

    final Sm2KeyPair ca = SmCrypto.generateSm2KeyPair();
    final Sm2KeyPair issuer = SmCrypto.generateSm2KeyPair();
    final Sm2KeyPair user = SmCrypto.generateSm2KeyPair();
    final MovableClock clock = new MovableClock(NOW);
    final InstitutionCertificate certificate = certificate(LocalDate.of(2027, 12, 31), ca.privateKey());

    InstitutionCertificate certificate(LocalDate expiry, Sm2PrivateKey signer) {
        return InstitutionCertificate.issue(1, CA_INDEX, 0x4415_0001, expiry, 7, issuer.publicKey(), signer);
    }

    String caKeyHex() {
        return HexFormat.of().formatHex(ca.publicKey().encoded());
    }

    AuthorisationTerms terms(String account, long serial, long expiresAt, LocalDate entitlementUntil) {
        return new AuthorisationTerms(account, "U000000001", 0x4415_0000, 0x0000_0101,
                Authorisation.ACCOUNT_TYPE_XINYIXING, 500, user.publicKey(), expiresAt, VALIDITY,
                new CardData(ConcessionType.XINYIXING, 5000, entitlementUntil, serial));
    }

    Authorisation authorisation(String account, long serial) {
        return Authorisation.sign(terms(account, serial, NOW.getEpochSecond() + 86_400, LocalDate.of(2027, 6, 30)),
                certificate, issuer.privateKey());
    }

    byte[] code(Authorisation authorisation, long generationTime) {
        return RideCode.make(authorisation, generationTime, user.privateKey()).encode();
    }

    /** A valid code of {@link #ACCOUNT} / {@link #SERIAL}, generated {@code secondsAgo} before the clock. */
    byte[] code(long secondsAgo) {
        return code(authorisation(ACCOUNT, SERIAL), clock.instant().getEpochSecond() - secondsAgo);
    }

    byte[] code() {
        return code(0);
    }

    /** Replaces the trailing user signature with a fresh one over everything before it (a forger with the phone). */
    byte[] resignByUser(byte[] code) {
        int signed = code.length - 65;
        byte[] out = code.clone();
        System.arraycopy(SmCrypto.sign(user.privateKey(), Arrays.copyOf(code, signed)), 0, out, signed + 1, 64);
        return out;
    }

    static final class MovableClock extends Clock {
        private volatile Instant instant;

        MovableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        void advance(Duration duration) {
            instant = instant.plus(duration);
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
