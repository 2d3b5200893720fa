package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.ridecode.boundary.ServerVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeDates;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeReason;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import cn.gov.shanwei.xinyixing.trip.entity.FlagKind;
import cn.gov.shanwei.xinyixing.trip.entity.TripRecord;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The server's own look at every uploaded record (R7, R15): the same eight checks the validator ran, as of
 * the moment it scanned the code (the blacklist as it stood then, the code's validity then), at the fare of
 * the route on that day. A record whose code fails is kept, REFUSED with its reason, never charged or
 * subsidised; one the validator let through is flagged as well.
 *
 * <p>Work is claimed, not assigned: each batch takes the oldest PENDING rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} in its own short transaction, so any number of workers on any
 * number of server instances share the queue without taking a row twice or waiting for each other. A worker
 * that dies leaves its rows PENDING for the next claim. Rows rather than JMS, because the rows are there
 * anyway and a queue would be a second copy that must agree with them.
 */
@Stateless
@PermitAll
public class Reverification {

    private static final Logger LOG = Logger.getLogger(Reverification.class.getName());
    static final int BATCH = 200;
    /** Workers per instance: one per core keeps the SM2 verifications busy without starving boarding scans. */
    static final int WORKERS = 2;
    /** One drain at a time per instance; the timer fires again before a long drain ends. */
    private static final AtomicBoolean DRAINING = new AtomicBoolean();

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Resource
    ManagedExecutorService executor;

    @EJB
    ServerVerifier verifier;

    @EJB
    Fares fares;

    @EJB
    TripDecisions decisions;

    @EJB
    TripFlags flags;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        drain();
    }

    /**
     * Verifies every pending record with parallel workers until none is left; returns how many this instance
     * decided (0 if another drain of this instance is still running).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int drain() {
        if (!DRAINING.compareAndSet(false, true)) {
            return 0;
        }
        try {
            Reverification self = context.getBusinessObject(Reverification.class);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                workers.add(executor.submit(() -> {
                    int done = 0;
                    for (int n; (n = self.verifyBatch(BATCH)) > 0; ) {
                        done += n;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            LOG.warning(() -> "Re-verification stopped early; the rest stays pending: " + e.getCause());
            return 0;
        } finally {
            DRAINING.set(false);
        }
    }

    /** One claim in its own transaction: up to {@code max} pending trips, decided; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int verifyBatch(int max) {
        List<Number> ids = em.createNativeQuery(
                        "SELECT id FROM trip_record WHERE state = 'PENDING' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, max).getResultList();
        for (Number id : ids) {
            decide(em.find(TripRecord.class, id.longValue()));
        }
        return ids.size();
    }

    private void decide(TripRecord trip) {
        LocalDate day = LocalDate.ofInstant(trip.riddenAt(), RideCodeDates.ZONE);
        OptionalInt fare = fares.fareOn(trip.routeId(), day);
        if (fare.isEmpty()) {
            trip.unpriced();
            return;
        }
        Verification verification = verifier.verifyAt(trip.code(), fare.getAsInt(), trip.riddenAt());
        decisions.apply(trip, verification, day);
        decisions.owe(trip);
        if (trip.deviceVerdict() == RideCodeReason.OK && !verification.ok()) {
            flags.raise(FlagKind.VERDICT_MISMATCH, trip.id(), null, trip.validatorId(), trip.companyId(),
                    "{\"device\":\"OK\",\"server\":\"" + verification.reason() + "\"}");
        }
    }
}
