package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.platform.persistence.SqlTimes;
import cn.gov.shanwei.xinyixing.trip.entity.FlagKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Raises and lists fraud flags with their evidence. Raising is idempotent: the same kind about the same
 * trips with the same evidence is one flag, however often the watch or an upload comes across it.
 */
@Stateless
@PermitAll
public class TripFlags {

    /** A flag as staff pages and tests read it. */
    public record Flag(long id, FlagKind kind, Long tripId, Long otherTripId, Long validatorId, Long companyId,
                       Instant raisedAt, String evidence) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Raises a flag unless the same one exists; returns whether it is new. */
    public boolean raise(FlagKind kind, Long tripId, Long otherTripId, Long validatorId, Long companyId, String evidence) {
        String bounded = evidence.length() > 2000 ? evidence.substring(0, 2000) : evidence;
        boolean exists = !em.createNativeQuery("SELECT id FROM trip_flag WHERE kind = ? AND trip_id <=> ?"
                        + " AND other_trip_id <=> ? AND company_id <=> ? AND evidence = ? LIMIT 1")
                .setParameter(1, kind.name()).setParameter(2, tripId).setParameter(3, otherTripId)
                .setParameter(4, companyId).setParameter(5, bounded).getResultList().isEmpty();
        if (exists) {
            return false;
        }
        em.createNativeQuery("INSERT IGNORE INTO trip_flag (kind, trip_id, other_trip_id, validator_id, company_id,"
                        + " raised_at, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, kind.name()).setParameter(2, tripId).setParameter(3, otherTripId)
                .setParameter(4, validatorId).setParameter(5, companyId)
                .setParameter(6, Timestamp.from(clock.instant())).setParameter(7, bounded).executeUpdate();
        if (tripId != null) {
            // The subsidy rule (trip_record.outcome) reads this mark on the trip's own row: the trip stays out of the claim
            em.createNativeQuery("UPDATE trip_record SET flagged = TRUE WHERE id = ?").setParameter(1, tripId).executeUpdate();
        }
        return true;
    }

    /** The flags about a trip, as either of its two trips. */
    @SuppressWarnings("unchecked")
    public List<Flag> about(long tripId) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, kind, trip_id, other_trip_id, validator_id, company_id,"
                        + " raised_at, evidence FROM trip_flag WHERE trip_id = ? OR other_trip_id = ? ORDER BY id")
                .setParameter(1, tripId).setParameter(2, tripId).getResultList();
        return rows.stream().map(TripFlags::flag).toList();
    }

    private static Flag flag(Object[] row) {
        return new Flag(((Number) row[0]).longValue(), FlagKind.valueOf((String) row[1]), longOrNull(row[2]),
                longOrNull(row[3]), longOrNull(row[4]), longOrNull(row[5]), SqlTimes.instant(row[6]), (String) row[7]);
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
