package cn.gov.shanwei.xinyixing.ridecode.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;

/**
 * A complete trust chain (CA → issuer → user) with fresh keys per instance, so tests share no state, plus
 * helpers to forge what an attacker could: bytes re-signed with the wrong key.
 */
final class RideCodeFixture {

    /** 2026-11-26 08:00 in Shanwei (UTC+8). */
    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final int CA_INDEX = 1;
    static final long SERIAL = 0x1122_3344_5566_7788L;
    static final String ACCOUNT = "PA6217000012345";
    static final int VALIDITY = 60;
    static final Duration SKEW = Duration.ofSeconds(30);

    final Sm2KeyPair ca = SmCrypto.generateSm2KeyPair();
    final Sm2KeyPair issuer = SmCrypto.generateSm2KeyPair();
    final Sm2KeyPair user = SmCrypto.generateSm2KeyPair();
    final Sm2KeyPair stranger = SmCrypto.generateSm2KeyPair();
    final MovableClock clock = new MovableClock(NOW);

    /** One certificate per fixture, as in production: SM2 signatures are randomised, so re-issuing changes bytes. */
    final InstitutionCertificate certificate = certificate(LocalDate.of(2027, 12, 31));

    InstitutionCertificate certificate() {
        return certificate;
    }

    InstitutionCertificate certificate(LocalDate expiry) {
        return InstitutionCertificate.issue(0x0000_0001, CA_INDEX, 0x4415_0001, expiry, 7, issuer.publicKey(),
                ca.privateKey());
    }

    static CardData cardData() {
        return new CardData(ConcessionType.XINYIXING, 5000, LocalDate.of(2027, 6, 30), SERIAL);
    }

    AuthorisationTerms terms(String account, long expiresAt, CardData cardData) {
        return new AuthorisationTerms(account, "U000000001", 0x4415_0000, 0x0000_0101,
                Authorisation.ACCOUNT_TYPE_XINYIXING, 500, user.publicKey(), expiresAt, VALIDITY, cardData);
    }

    AuthorisationTerms terms() {
        return terms(ACCOUNT, NOW.getEpochSecond() + 86_400, cardData());
    }

    Authorisation authorisation(AuthorisationTerms terms) {
        return Authorisation.sign(terms, certificate, issuer.privateKey());
    }

    Authorisation authorisation() {
        return authorisation(terms());
    }

    byte[] code(Authorisation authorisation, long generationTime) {
        return RideCode.make(authorisation, generationTime, user.privateKey()).encode();
    }

    byte[] code() {
        return code(authorisation(), NOW.getEpochSecond());
    }

    RideCodeVerifier verifier(Revocations revocations, ReplayGuard guard, int cacheSize) {
        return new RideCodeVerifier(Map.of(CA_INDEX, ca.publicKey()), clock, SKEW, revocations, guard, cacheSize);
    }

    RideCodeVerifier verifier() {
        return verifier(Revocations.NONE, new InMemoryReplayGuard(), 64);
    }

    /** Replaces the trailing 64-byte signature with {@code key}'s signature over everything before its length byte. */
    static byte[] resign(byte[] signedThenSignature, Sm2PrivateKey key) {
        int signedLength = signedThenSignature.length - 65;
        byte[] out = signedThenSignature.clone();
        byte[] signature = SmCrypto.sign(key, Arrays.copyOf(signedThenSignature, signedLength));
        System.arraycopy(signature, 0, out, signedLength + 1, 64);
        return out;
    }

    /** Puts {@code authorisation} into a code and signs it as the user would, whatever the authorisation holds. */
    byte[] wrap(byte[] authorisation, long generationTime) {
        byte[] code = new ByteWriter(3 + authorisation.length + 4 + 1 + 64)
                .u8(RideCode.VERSION).u16(authorisation.length + 69)
                .bytes(authorisation).u32(generationTime).u8(0x40).bytes(new byte[64])
                .toArray();
        return resign(code, user.privateKey());
    }

    /** A clock the test can move; the verifier reads it on every code. */
    static final class MovableClock extends Clock {

        private volatile Instant instant;

        MovableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        void advance(Duration duration) {
            this.instant = instant.plus(duration);
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            // UTC on purpose: the verifier must use UTC+8 dates whatever zone the clock carries.
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
