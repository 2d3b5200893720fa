package cn.gov.shanwei.xinyixing.ridecode.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.gov.shanwei.xinyixing.eligibility.control.Discount;
import cn.gov.shanwei.xinyixing.eligibility.control.Fare;
import cn.gov.shanwei.xinyixing.platform.crypto.CryptoException;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;

/**
 * The validator's decision on one scanned ride code: the eight checks of the ride-code design, in order,
 * stopping at the first failure. Runs unchanged on a bus validator (offline), in the server's validator API
 * and when offline trip records are re-checked on upload.
 *
 * <ol>
 * <li>the bytes parse ({@link RideCode#parse}) — {@code MALFORMED};</li>
 * <li>the CA key index is pinned, the certificate names SM2, its CA signature verifies and it has not expired
 * (UTC+8 date) — {@code CA_KEY_UNKNOWN}, {@code CERTIFICATE_INVALID}, {@code CERTIFICATE_EXPIRED};</li>
 * <li>the issuer signature verifies under the certificate's key and the authorisation has not expired —
 * {@code AUTHORISATION_INVALID}, {@code AUTHORISATION_EXPIRED};</li>
 * <li>the user signature verifies under the authorised user key — {@code USER_SIGNATURE_INVALID};</li>
 * <li>{@code generation ≤ now + skew} and {@code now ≤ generation + validity + skew} —
 * {@code NOT_YET_VALID}, {@code CODE_EXPIRED};</li>
 * <li>the account and entitlement serial are not blacklisted — {@code REVOKED};</li>
 * <li>the replay guard has not seen account + generation time — {@code REPLAYED};</li>
 * <li>the entitlement is valid today; the fare is {@link Discount#apply} at the card data's rate (any
 * concession type; no card data means full fare) and the charge is within the authorisation's per-ride
 * limit — {@code ENTITLEMENT_EXPIRED}, {@code AMOUNT_LIMIT_EXCEEDED}.</li>
 * </ol>
 *
 * <p>Speed: a phone refreshes its code every few seconds under the same authorisation, so certificates and
 * authorisations that verified once are remembered, keyed by their exact bytes, together with the decoded
 * issuer and user keys (decompressing a point costs a square root). A code whose certificate and
 * authorisation are remembered costs one SM2 verification. Only successes are cached, so a forged block never
 * skips a check; expiry is checked against the clock on every code, cached or not. Both caches are bounded
 * LRU maps. Thread-safe when the given {@link Revocations} and {@link ReplayGuard} are.
 */
public final class RideCodeVerifier {

    private final Map<Integer, Sm2PublicKey> caKeys;
    private final Clock clock;
    private final Duration allowedSkew;
    private final Revocations revocations;
    private final ReplayGuard replayGuard;
    /** Certificate bytes → decoded issuer key, for certificates whose CA signature verified. */
    private final BoundedCache<ByteKey, Sm2PublicKey> certificates;
    /** Authorisation bytes (fields 3–16) → decoded user key, for authorisations whose issuer signature verified. */
    private final BoundedCache<ByteKey, Sm2PublicKey> authorisations;

    /**
     * @param caKeys      the pinned central CA keys by their 1-byte index
     * @param allowedSkew clock difference tolerated between phone and validator, not negative
     * @param cacheSize   entries in each of the two caches, at least 1; a validator needs about as many as
     *                    there are riders whose codes it sees in one authorisation period
     */
    public RideCodeVerifier(Map<Integer, Sm2PublicKey> caKeys, Clock clock, Duration allowedSkew,
            Revocations revocations, ReplayGuard replayGuard, int cacheSize) {
        // A copy, so the caches stay consistent with the keys they were verified under.
        this.caKeys = Map.copyOf(caKeys);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
        if (allowedSkew.isNegative()) {
            throw new IllegalArgumentException("skew must not be negative: " + allowedSkew);
        }
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        this.certificates = new BoundedCache<>(cacheSize);
        this.authorisations = new BoundedCache<>(cacheSize);
    }

    /**
     * Checks one scanned code and, if it is valid, prices the ride.
     *
     * @param code    the raw bytes from the QR symbol's byte segment
     * @param fareFen the undiscounted fare of this ride, not negative
     * @throws IllegalArgumentException if the fare is negative (a validator bug, not a citizen's problem;
     *                                  checked first so it never consumes the replay guard)
     */
    public Verification verify(byte[] code, int fareFen) {
        return verifyAt(code, fareFen, clock.instant());
    }

    /**
     * Checks a code as of an instant: the moment an offline validator scanned it, for the server's second
     * look at an upload. Time checks, the entitlement day and the blacklist all use that instant.
     *
     * @see #verify(byte[], int)
     */
    public Verification verifyAt(byte[] code, int fareFen, Instant now) {
        if (fareFen < 0) {
            throw new IllegalArgumentException("fare must not be negative: " + fareFen);
        }
        // 1. structure
        RideCode rideCode;
        try {
            rideCode = RideCode.parse(Objects.requireNonNull(code, "code"));
        } catch (RideCodeFormatException e) {
            return Verification.malformed();
        }
        // One instant, so all time checks of a code agree with each other.
        LocalDate today = LocalDate.ofInstant(now, RideCodeDates.ZONE);
        Authorisation authorisation = rideCode.authorisation();
        InstitutionCertificate certificate = authorisation.certificate();

        // 2. certificate
        Sm2PublicKey caKey = caKeys.get(certificate.caKeyIndex());
        if (caKey == null) {
            return Verification.refused(RideCodeReason.CA_KEY_UNKNOWN, rideCode);
        }
        Optional<Sm2PublicKey> issuerKey = issuerKey(certificate, caKey);
        if (issuerKey.isEmpty()) {
            return Verification.refused(RideCodeReason.CERTIFICATE_INVALID, rideCode);
        }
        if (certificate.isExpiredOn(today)) {
            return Verification.refused(RideCodeReason.CERTIFICATE_EXPIRED, rideCode);
        }

        // 3. authorisation
        Optional<Sm2PublicKey> userKey = userKey(authorisation, issuerKey.get());
        if (userKey.isEmpty()) {
            return Verification.refused(RideCodeReason.AUTHORISATION_INVALID, rideCode);
        }
        if (authorisation.isExpiredAt(now.getEpochSecond())) {
            return Verification.refused(RideCodeReason.AUTHORISATION_EXPIRED, rideCode);
        }

        // 4. the phone's signature: the one SM2 verification a cached authorisation leaves
        if (!rideCode.isSignedBy(userKey.get())) {
            return Verification.refused(RideCodeReason.USER_SIGNATURE_INVALID, rideCode);
        }

        // 5. freshness
        Instant generated = Instant.ofEpochSecond(rideCode.generationTime());
        if (generated.isAfter(now.plus(allowedSkew))) {
            return Verification.refused(RideCodeReason.NOT_YET_VALID, rideCode);
        }
        if (now.isAfter(generated.plusSeconds(authorisation.codeValiditySeconds()).plus(allowedSkew))) {
            return Verification.refused(RideCodeReason.CODE_EXPIRED, rideCode);
        }

        // 6. blacklist
        Optional<CardData> cardData = authorisation.cardData();
        long serial = cardData.map(CardData::serial).orElse(0L);
        if (revocations.isRevokedAt(authorisation.paymentAccount(), serial, now)) {
            return Verification.refused(RideCodeReason.REVOKED, rideCode);
        }

        // 7. replay: asked only once checks 1-6 passed, so a code refused for another reason is not recorded
        // as used and can be scanned again once that reason is gone (e.g. a blacklist entry lifted)
        if (!replayGuard.firstUse(authorisation.paymentAccount(), rideCode.generationTime())) {
            return Verification.refused(RideCodeReason.REPLAYED, rideCode);
        }

        // 8. entitlement and fare
        if (cardData.isPresent() && cardData.get().isExpiredOn(today)) {
            return Verification.refused(RideCodeReason.ENTITLEMENT_EXPIRED, rideCode);
        }
        Fare fare = Discount.apply(fareFen, cardData.map(CardData::rateBasisPoints).orElse(0));
        if (fare.chargedFen() > authorisation.amountLimitFen()) {
            return Verification.refused(RideCodeReason.AMOUNT_LIMIT_EXCEEDED, rideCode);
        }
        return Verification.accepted(rideCode, fare);
    }

    /** The certificate's issuer key if the CA signed it; verified once per distinct certificate. */
    private Optional<Sm2PublicKey> issuerKey(InstitutionCertificate certificate, Sm2PublicKey caKey) {
        ByteKey key = new ByteKey(certificate.encode());
        Sm2PublicKey cached = certificates.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!certificate.declaresSm2() || !certificate.isSignedBy(caKey)) {
            return Optional.empty();
        }
        Optional<Sm2PublicKey> decoded = decode(certificate.issuerPublicKey());
        decoded.ifPresent(issuerKey -> certificates.put(key, issuerKey));
        return decoded;
    }

    /** The authorised user key if the issuer signed the authorisation; verified once per distinct one. */
    private Optional<Sm2PublicKey> userKey(Authorisation authorisation, Sm2PublicKey issuerKey) {
        ByteKey key = new ByteKey(authorisation.encode());
        Sm2PublicKey cached = authorisations.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!authorisation.isSignedBy(issuerKey)) {
            return Optional.empty();
        }
        Optional<Sm2PublicKey> decoded = decode(authorisation.userPublicKey());
        decoded.ifPresent(userKey -> authorisations.put(key, userKey));
        return decoded;
    }

    /** A signed but undecodable key is the signer's fault, and makes the block it sits in invalid. */
    private static Optional<Sm2PublicKey> decode(byte[] compressed) {
        try {
            return Optional.of(SmCrypto.decodePublicKey(compressed));
        } catch (CryptoException e) {
            return Optional.empty();
        }
    }

    int cachedCertificates() {
        return certificates.size();
    }

    int cachedAuthorisations() {
        return authorisations.size();
    }
}
