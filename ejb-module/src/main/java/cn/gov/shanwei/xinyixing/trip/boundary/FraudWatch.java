package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.platform.persistence.SqlTimes;
import cn.gov.shanwei.xinyixing.trip.control.JourneyRules;
import cn.gov.shanwei.xinyixing.trip.entity.FlagKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Looks at every decided trip once, in id order, for the patterns of R15 (see {@link FlagKind}), and once a
 * day at each company's volume. The sweep holds the one watermark row while it works, so two instances
 * never sweep the same trips, and it stops before the oldest trip still waiting for verification, so a
 * record decided late is not passed over. Each check is one indexed query; the rules are
 * {@link JourneyRules}.
 */
@Stateless
@PermitAll
public class FraudWatch {

    static final int SWEEP = 2000;

    @PersistenceContext
    EntityManager em;

    @EJB
    TripFlags flags;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
    void tick() {
        sweep();
    }

    @Schedule(hour = "3", minute = "7", persistent = false)
    void nightly() {
        companyVolumes(LocalDate.ofInstant(clock.instant(), JourneyRules.ZONE).minusDays(1));
    }

    /** Looks at the trips decided since the last sweep (at most {@link #SWEEP}); returns how many. */
    @SuppressWarnings("unchecked")
    public int sweep() {
        long last = ((Number) em.createNativeQuery("SELECT last_trip_id FROM trip_flag_watermark WHERE id = 1 FOR UPDATE")
                .getSingleResult()).longValue();
        Number oldestPending = (Number) em.createNativeQuery("SELECT MIN(id) FROM trip_record WHERE state = 'PENDING'")
                .getSingleResult();
        long upTo = oldestPending == null ? Long.MAX_VALUE : oldestPending.longValue() - 1;
        List<Object[]> trips = em.createNativeQuery("SELECT id, validator_id, company_id, route_id, state, ridden_at,"
                        + " code_digest, account_id, device_serial, payment_account_no FROM trip_record"
                        + " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")
                .setParameter(1, last).setParameter(2, upTo).setParameter(3, SWEEP).getResultList();
        if (trips.isEmpty()) {
            return 0;
        }
        Map<Long, LocalTime[]> hours = serviceHours();
        for (Object[] trip : trips) {
            look(trip, hours);
        }
        long newest = ((Number) trips.get(trips.size() - 1)[0]).longValue();
        em.createNativeQuery("UPDATE trip_flag_watermark SET last_trip_id = ? WHERE id = 1").setParameter(1, newest)
                .executeUpdate();
        return trips.size();
    }

    private void look(Object[] row, Map<Long, LocalTime[]> hours) {
        long id = ((Number) row[0]).longValue();
        if (row[1] == null || row[8] == null) {
            return; // a ride recorded before validators were devices: nothing to compare it with
        }
        long validator = ((Number) row[1]).longValue();
        Long company = row[2] == null ? null : ((Number) row[2]).longValue();
        Long route = row[3] == null ? null : ((Number) row[3]).longValue();
        boolean accepted = "ACCEPTED".equals(row[4]);
        Instant riddenAt = SqlTimes.instant(row[5]);
        if (row[9] != null) {
            sharedCode(id, validator, company, (byte[]) row[6]);
        }
        if (accepted && row[7] != null) {
            impossibleJourney(id, validator, company, ((Number) row[7]).longValue(), riddenAt);
        }
        LocalTime[] service = route == null ? null : hours.get(route);
        if (accepted && service != null && JourneyRules.outsideServiceHours(riddenAt, service[0], service[1])) {
            flags.raise(FlagKind.OUTSIDE_SERVICE_HOURS, id, null, validator, company, "{\"riddenAt\":\"" + riddenAt
                    + "\",\"serviceStarts\":\"" + service[0] + "\",\"serviceEnds\":\"" + service[1] + "\"}");
        }
        serials(id, validator, company, ((Number) row[8]).longValue(), riddenAt);
    }

    @SuppressWarnings("unchecked")
    private void sharedCode(long id, long validator, Long company, byte[] codeDigest) {
        List<Object[]> other = em.createNativeQuery("SELECT id, validator_id FROM trip_record WHERE code_digest = ?"
                        + " AND validator_id <> ? AND id < ? ORDER BY id LIMIT 1")
                .setParameter(1, codeDigest).setParameter(2, validator).setParameter(3, id).getResultList();
        if (!other.isEmpty()) {
            flags.raise(FlagKind.SHARED_CODE, id, ((Number) other.get(0)[0]).longValue(), validator, company,
                    "{\"codeDigest\":\"" + HexFormat.of().formatHex(codeDigest) + "\",\"otherValidatorId\":"
                            + other.get(0)[1] + "}");
        }
    }

    @SuppressWarnings("unchecked")
    private void impossibleJourney(long id, long validator, Long company, long account, Instant riddenAt) {
        List<Object[]> other = em.createNativeQuery("SELECT id, validator_id, ridden_at FROM trip_record"
                        + " WHERE account_id = ? AND state = 'ACCEPTED' AND id < ? AND validator_id <> ?"
                        + " AND ridden_at > ? AND ridden_at < ? ORDER BY id LIMIT 1")
                .setParameter(1, account).setParameter(2, id).setParameter(3, validator)
                .setParameter(4, Timestamp.from(riddenAt.minus(JourneyRules.MIN_BETWEEN_BUSES)))
                .setParameter(5, Timestamp.from(riddenAt.plus(JourneyRules.MIN_BETWEEN_BUSES)))
                .getResultList();
        if (!other.isEmpty() && JourneyRules.impossiblyClose(SqlTimes.instant(other.get(0)[2]), riddenAt)) {
            flags.raise(FlagKind.IMPOSSIBLE_JOURNEY, id, ((Number) other.get(0)[0]).longValue(), validator, company,
                    "{\"riddenAt\":\"" + riddenAt + "\",\"otherRiddenAt\":\"" + SqlTimes.instant(other.get(0)[2])
                            + "\",\"otherValidatorId\":" + other.get(0)[1] + "}");
        }
    }

    @SuppressWarnings("unchecked")
    private void serials(long id, long validator, Long company, long serial, Instant riddenAt) {
        List<Object[]> previous = em.createNativeQuery("SELECT id, device_serial, ridden_at FROM trip_record"
                        + " WHERE validator_id = ? AND device_serial < ? ORDER BY device_serial DESC LIMIT 1")
                .setParameter(1, validator).setParameter(2, serial).getResultList();
        if (previous.isEmpty()) {
            return;
        }
        long previousSerial = ((Number) previous.get(0)[1]).longValue();
        long previousId = ((Number) previous.get(0)[0]).longValue();
        Instant previousAt = SqlTimes.instant(previous.get(0)[2]);
        if (previousSerial < serial - 1) {
            flags.raise(FlagKind.SERIAL_GAP, id, previousId, validator, company,
                    "{\"missingFrom\":" + (previousSerial + 1) + ",\"missingTo\":" + (serial - 1) + "}");
        }
        if (JourneyRules.backwards(previousAt, riddenAt)) {
            flags.raise(FlagKind.SERIAL_BACKWARDS, id, previousId, validator, company, "{\"serial\":" + serial
                    + ",\"riddenAt\":\"" + riddenAt + "\",\"previousSerial\":" + previousSerial
                    + ",\"previousRiddenAt\":\"" + previousAt + "\"}");
        }
    }

    /**
     * Flags each company whose accepted rides on the day are far from the mean of its previous 28 days;
     * idempotent (the same day gives the same flags). Returns how many companies were flagged.
     */
    @SuppressWarnings("unchecked")
    public int companyVolumes(LocalDate day) {
        LocalDate from = day.minusDays(28);
        List<Object[]> rows = em.createNativeQuery("SELECT company_id, DATE(ridden_at), COUNT(*) FROM trip_record"
                        + " WHERE state = 'ACCEPTED' AND ridden_at >= ? AND ridden_at < ? GROUP BY company_id, DATE(ridden_at)")
                .setParameter(1, Timestamp.valueOf(from.atStartOfDay()))
                .setParameter(2, Timestamp.valueOf(day.plusDays(1).atStartOfDay())).getResultList();
        Map<Long, long[]> byCompany = new HashMap<>(); // [day's rides, history total, history days]
        for (Object[] row : rows) {
            long[] figures = byCompany.computeIfAbsent(((Number) row[0]).longValue(), c -> new long[3]);
            LocalDate date = row[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[1];
            long rides = ((Number) row[2]).longValue();
            if (date.equals(day)) {
                figures[0] = rides;
            } else {
                figures[1] += rides;
                figures[2]++;
            }
        }
        int flagged = 0;
        for (Map.Entry<Long, long[]> company : byCompany.entrySet()) {
            long[] f = company.getValue();
            if (JourneyRules.farFromHistory(f[0], f[1], (int) f[2])) {
                flags.raise(FlagKind.COMPANY_VOLUME, null, null, null, company.getKey(), "{\"day\":\"" + day
                        + "\",\"rides\":" + f[0] + ",\"historyRides\":" + f[1] + ",\"historyDays\":" + f[2] + "}");
                flagged++;
            }
        }
        return flagged;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, LocalTime[]> serviceHours() {
        Map<Long, LocalTime[]> hours = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT id, service_starts, service_ends FROM bus_route WHERE service_starts IS NOT NULL").getResultList()) {
            hours.put(((Number) row[0]).longValue(), new LocalTime[] {time(row[1]), time(row[2])});
        }
        return hours;
    }

    private static LocalTime time(Object column) {
        return column instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) column;
    }
}
