package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.persistence.Constraints;
import cn.gov.shanwei.xinyixing.ridecode.boundary.ServerVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeDates;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeReason;
import cn.gov.shanwei.xinyixing.trip.control.TripContent;
import cn.gov.shanwei.xinyixing.trip.entity.TripRecord;
import cn.gov.shanwei.xinyixing.trip.entity.TripSource;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The online scan (R7): the server checks a code for a validator at boarding, prices the ride from the
 * device's route, and writes the trip — accepted or refused — before it answers, in the transaction that
 * also takes the code's one use. So an OK always has a trip behind it, a code pays once in the whole
 * system, and a validator that retries a scan after a timeout (same serial) gets the first answer back
 * instead of a second ride.
 */
@Stateless
@PermitAll
public class Scans {

    /** The answer a validator shows: the trip, the verdict and, when accepted, the money. */
    public record Answer(long tripId, RideCodeReason reason, Integer originalFen, Integer discountFen,
                         Integer chargedFen) {

        static Answer of(TripRecord trip) {
            boolean ok = trip.reason() == RideCodeReason.OK;
            return new Answer(trip.id(), trip.reason(), ok ? trip.originalFen() : null,
                    ok ? trip.discountFen() : null, ok ? trip.chargedFen() : null);
        }
    }

    /** Another request of the same device took the same serial a moment earlier. */
    @ApplicationException(rollback = true)
    static class LostRace extends RuntimeException {
        LostRace(Throwable cause) {
            super("the serial was taken by a concurrent request", cause);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    ServerVerifier verifier;

    @EJB
    Fares fares;

    @EJB
    TripDecisions decisions;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Answer scan(AuthenticatedDevice device, long serial, byte[] code) {
        Scans self = context.getBusinessObject(Scans.class);
        try {
            return self.record(device, serial, code);
        } catch (LostRace e) {
            return self.record(device, serial, code);
        }
    }

    /** One attempt in its own transaction; see {@link #scan}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Answer record(AuthenticatedDevice device, long serial, byte[] code) {
        byte[] codeDigest = SmCrypto.sm3(code);
        Optional<TripRecord> earlier = bySerial(device.validatorId(), serial);
        if (earlier.isPresent()) {
            // The same serial and code: a retry, or a tap uploaded offline before the retry came through
            if (!Arrays.equals(earlier.get().codeDigest(), codeDigest)) {
                throw new TripRefused(TripRefusal.SERIAL_REUSED);
            }
            return Answer.of(earlier.get());
        }
        if (device.routeId() == null) {
            throw new TripRefused(TripRefusal.NO_ROUTE);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, RideCodeDates.ZONE);
        int fare = fares.fareOn(device.routeId(), today).orElseThrow(() -> new TripRefused(TripRefusal.NO_FARE));
        TripRecord trip = new TripRecord(device.validatorId(), serial, device.companyId(), device.routeId(),
                TripSource.ONLINE, now, now, code, codeDigest, TripContent.online(serial, code), null);
        decisions.apply(trip, verifier.verify(code, fare), today);
        try {
            em.persist(trip);
            em.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e)) {
                throw new LostRace(e);
            }
            throw e;
        }
        decisions.owe(trip);
        return Answer.of(trip);
    }

    private Optional<TripRecord> bySerial(long validatorId, long serial) {
        return em.createQuery("select t from TripRecord t where t.validatorId = :v and t.deviceSerial = :s", TripRecord.class)
                .setParameter("v", validatorId).setParameter("s", serial).getResultList().stream().findFirst();
    }
}
