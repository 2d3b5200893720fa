package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.trip.control.RequestSignature;
import cn.gov.shanwei.xinyixing.trip.entity.Validator;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a validator request comes from a registered, enabled device (see
 * {@link RequestSignature} for the scheme). Checks run in an order that tells an honest device what to
 * fix and an attacker nothing: headers present, device known and enabled, signature right, and only
 * then the clock and the nonce, so that only a device holding the secret learns that its clock is off.
 * The nonce is the database's, like every uniqueness that matters: a request captured on the way to one
 * server instance cannot be replayed to another.
 */
@Stateless
@PermitAll
public class DeviceAuthentication {

    /** How far a device's clock may be from the server's. */
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    /** Nonces are kept longer than a timestamp stays acceptable (skew on both sides). */
    static final Duration NONCES_KEPT = Duration.ofMinutes(11);
    /** "Last seen" is written at most this often per device, so a busy bus does not rewrite its row per scan. */
    static final Duration SEEN_GRANULARITY = Duration.ofSeconds(30);

    /** What a request says about itself; headers may be missing. */
    public record SignedRequest(String deviceId, String method, String path, String query, String timestamp,
                                String nonce, String signature, byte[] body) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    DeviceSecrets secrets;

    @Inject
    Clock clock;

    public AuthenticatedDevice authenticate(SignedRequest request) {
        if (request.deviceId() == null || request.timestamp() == null || request.nonce() == null
                || request.signature() == null) {
            throw new DeviceRefused(DeviceProblem.SIGNATURE_MISSING);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(request.timestamp());
        } catch (NumberFormatException e) {
            throw new DeviceRefused(DeviceProblem.SIGNATURE_INVALID);
        }
        if (!RequestSignature.DEVICE_ID.matcher(request.deviceId()).matches()) {
            throw new DeviceRefused(DeviceProblem.DEVICE_UNKNOWN);
        }
        List<Validator> found = em.createQuery("select v from Validator v where v.deviceId = :id", Validator.class)
                .setParameter("id", request.deviceId()).getResultList();
        if (found.isEmpty()) {
            throw new DeviceRefused(DeviceProblem.DEVICE_UNKNOWN);
        }
        Validator device = found.get(0);
        if (!device.active() || device.secretCipher() == null) {
            throw new DeviceRefused(DeviceProblem.DEVICE_DISABLED);
        }
        if (!RequestSignature.NONCE.matcher(request.nonce()).matches()) {
            throw new DeviceRefused(DeviceProblem.SIGNATURE_INVALID);
        }
        String canonical = RequestSignature.canonical(request.method(), request.path(), request.query(), timestamp,
                request.nonce(), request.body());
        if (!RequestSignature.matches(secrets.open(device.deviceId(), device.secretCipher()), canonical,
                request.signature())) {
            throw new DeviceRefused(DeviceProblem.SIGNATURE_INVALID);
        }
        Instant now = clock.instant();
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(ALLOWED_SKEW) > 0) {
            throw new DeviceRefused(DeviceProblem.CLOCK_SKEW);
        }
        int fresh = em.createNativeQuery("INSERT IGNORE INTO validator_nonce (validator_id, nonce, seen_at) VALUES (?, ?, ?)")
                .setParameter(1, device.id()).setParameter(2, request.nonce()).setParameter(3, Timestamp.from(now))
                .executeUpdate();
        if (fresh == 0) {
            throw new DeviceRefused(DeviceProblem.NONCE_REPLAYED);
        }
        em.createNativeQuery("UPDATE validator SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)")
                .setParameter(1, Timestamp.from(now)).setParameter(2, device.id())
                .setParameter(3, Timestamp.from(now.minus(SEEN_GRANULARITY))).executeUpdate();
        return new AuthenticatedDevice(device.id(), device.deviceId(), device.company().id(),
                device.route() == null ? null : device.route().id());
    }

    /** Every few minutes; idempotent, so every instance may run it. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void purge() {
        forgetOldNonces();
    }

    public int forgetOldNonces() {
        return em.createNativeQuery("DELETE FROM validator_nonce WHERE seen_at < ?")
                .setParameter(1, Timestamp.from(clock.instant().minus(NONCES_KEPT))).executeUpdate();
    }
}
