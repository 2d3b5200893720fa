package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.platform.persistence.SqlTimes;
import cn.gov.shanwei.xinyixing.settlement.control.Outcome;
import cn.gov.shanwei.xinyixing.settlement.control.RollUpDiff;
import cn.gov.shanwei.xinyixing.settlement.control.RollUpGroup;
import cn.gov.shanwei.xinyixing.settlement.control.Totals;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The nightly roll-up (R10): per service day × company × route × concession × outcome, the rides and
 * their money, from the subsidy rule's view {@code trip_outcome}. Rolling a day replaces its rows with a
 * fresh count, so rolling it again gives the same rows; once the day has ended its first roll-up closes
 * it, and every later change (a late upload, a charge that settled, a flag) is kept as a dated
 * adjustment next to the corrected rows.
 */
@Stateless
public class RollUps {

    private static final Logger LOG = Logger.getLogger(RollUps.class.getName());

    /** A day as rolled up: its groups and what changed since it was closed (empty if nothing did). */
    public record DayRolled(LocalDate day, boolean closed, Map<RollUpGroup, Totals> groups,
                            List<RollUpDiff.Change> adjustments) {
        public Totals total(Outcome outcome) {
            return groups.entrySet().stream().filter(e -> e.getKey().outcome() == outcome).map(Map.Entry::getValue)
                    .reduce(Totals.NONE, Totals::plus);
        }
    }

    /** One dated adjustment of a closed day. */
    public record Adjustment(LocalDate day, Instant adjustedAt, RollUpGroup group, Totals delta) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    Event<DayRolledUp> rolledUp;

    /**
     * The night's work: yesterday, and every earlier day that changed since the last night — trips received
     * for it, charges of it settled, flags raised on its trips. Each day in its own transaction; safe to run
     * twice or on two instances at once (a day's row lock serialises them, and a re-roll is idempotent).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<DayRolled> nightly() {
        RollUps self = context.getBusinessObject(RollUps.class);
        Instant startedAt = clock.instant();
        Instant since = self.lastNight();
        TreeSet<LocalDate> days = new TreeSet<>(self.changedSince(since));
        days.add(LocalDate.now(clock).minusDays(1));
        List<DayRolled> rolled = new ArrayList<>();
        for (LocalDate day : days) {
            rolled.add(self.roll(day));
        }
        self.nightDone(startedAt);
        LOG.info(() -> "Nightly roll-up: " + days.size() + " day(s) rolled, " + rolled.stream()
                .filter(d -> !d.adjustments().isEmpty()).count() + " adjusted");
        return rolled;
    }

    /** The night's work, asked for by operator staff (after a late batch of uploads, say). */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<DayRolled> nightlyByHand() {
        return context.getBusinessObject(RollUps.class).nightly();
    }

    /** Rolls one day up by hand (operator staff), the same way the night does. */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DayRolled rollUp(LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new SettlementRefused(SettlementProblem.DAY_OUT_OF_RANGE);
        }
        return context.getBusinessObject(RollUps.class).roll(day);
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public List<Adjustment> adjustments(LocalDate day) {
        List<Adjustment> result = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT adjusted_at, company_id, route_id, concession, outcome,"
                + " rides_delta, original_fen_delta, charged_fen_delta, discount_fen_delta FROM rollup_adjustment"
                + " WHERE service_day = ? ORDER BY id").setParameter(1, day).getResultList())) {
            result.add(new Adjustment(day, SqlTimes.instant(row[0]), group(row, 1), totals(row, 5)));
        }
        return result;
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public Map<RollUpGroup, Totals> day(LocalDate day) {
        return stored(day);
    }

    /**
     * The year's totals per company × month × route × concession × outcome, from the roll-ups alone: what
     * the annual run's frozen basis is checked against.
     */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public Map<RollUpGroup, Totals> year(Year year) {
        Map<RollUpGroup, Totals> totals = new LinkedHashMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT company_id, route_id, concession, outcome, SUM(rides),"
                        + " SUM(original_fen), SUM(charged_fen), SUM(discount_fen) FROM daily_rollup"
                        + " WHERE service_day >= ? AND service_day < ? GROUP BY company_id, route_id, concession, outcome")
                .setParameter(1, year.atDay(1)).setParameter(2, year.plusYears(1).atDay(1)).getResultList())) {
            totals.put(group(row, 0), totals(row, 4));
        }
        return totals;
    }

    /** The year's totals of one outcome, from the roll-ups alone (an index range of at most 366 days). */
    @PermitAll
    public Totals yearTotalsOf(Year year, Outcome outcome) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(rides), 0), COALESCE(SUM(original_fen), 0),"
                        + " COALESCE(SUM(charged_fen), 0), COALESCE(SUM(discount_fen), 0) FROM daily_rollup"
                        + " WHERE service_day >= ? AND service_day < ? AND outcome = ?")
                .setParameter(1, year.atDay(1)).setParameter(2, year.plusYears(1).atDay(1)).setParameter(3, outcome.name())
                .getSingleResult();
        return totals(row, 0);
    }

    // ---------------------------------------------------------------- one transaction each

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DayRolled roll(LocalDate day) {
        Instant now = clock.instant();
        em.createNativeQuery("INSERT IGNORE INTO rollup_day (service_day, rolled_at, rolls, trips) VALUES (?, ?, 0, 0)")
                .setParameter(1, day).setParameter(2, Timestamp.from(now)).executeUpdate();
        Object closedAt = em.createNativeQuery("SELECT closed_at FROM rollup_day WHERE service_day = ? FOR UPDATE")
                .setParameter(1, day).getSingleResult();
        Map<RollUpGroup, Totals> before = stored(day);
        Map<RollUpGroup, Totals> fresh = counted(day);
        boolean closed = closedAt != null;
        List<RollUpDiff.Change> adjustments = closed ? RollUpDiff.between(before, fresh) : List.of();
        em.createNativeQuery("DELETE FROM daily_rollup WHERE service_day = ?").setParameter(1, day).executeUpdate();
        for (Map.Entry<RollUpGroup, Totals> row : fresh.entrySet()) {
            RollUpGroup g = row.getKey();
            Totals t = row.getValue();
            em.createNativeQuery("INSERT INTO daily_rollup (service_day, company_id, route_id, concession, outcome, rides,"
                            + " original_fen, charged_fen, discount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, day).setParameter(2, g.companyId()).setParameter(3, g.routeId())
                    .setParameter(4, g.concession()).setParameter(5, g.outcome().name()).setParameter(6, t.rides())
                    .setParameter(7, t.originalFen()).setParameter(8, t.chargedFen()).setParameter(9, t.discountFen())
                    .executeUpdate();
        }
        for (RollUpDiff.Change change : adjustments) {
            RollUpGroup g = change.group();
            Totals d = change.delta();
            em.createNativeQuery("INSERT INTO rollup_adjustment (service_day, adjusted_at, company_id, route_id,"
                            + " concession, outcome, rides_delta, original_fen_delta, charged_fen_delta, discount_fen_delta)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, day).setParameter(2, Timestamp.from(now)).setParameter(3, g.companyId())
                    .setParameter(4, g.routeId()).setParameter(5, g.concession()).setParameter(6, g.outcome().name())
                    .setParameter(7, d.rides()).setParameter(8, d.originalFen()).setParameter(9, d.chargedFen())
                    .setParameter(10, d.discountFen()).executeUpdate();
        }
        // The first roll-up after the day has ended closes it: from then on, a change is an adjustment
        boolean ended = day.isBefore(LocalDate.now(clock));
        long trips = fresh.values().stream().mapToLong(Totals::rides).sum();
        em.createNativeQuery("UPDATE rollup_day SET rolled_at = ?, rolls = rolls + 1, trips = ?,"
                        + " closed_at = COALESCE(closed_at, ?) WHERE service_day = ?")
                .setParameter(1, Timestamp.from(now)).setParameter(2, trips)
                .setParameter(3, ended ? Timestamp.from(now) : null).setParameter(4, day).executeUpdate();
        DayRolled result = new DayRolled(day, closed || ended, fresh, adjustments);
        rolledUp.fire(new DayRolledUp(day, trips, adjustments.size()));
        return result;
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Instant lastNight() {
        return SqlTimes.instant(em.createNativeQuery("SELECT last_run_at FROM rollup_watermark WHERE id = 1").getSingleResult());
    }

    /** Days (Shanwei dates) whose trips, charges or flags changed after {@code since}. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<LocalDate> changedSince(Instant since) {
        Timestamp at = Timestamp.from(since);
        List<Object> days = em.createNativeQuery(
                        "SELECT DATE(ridden_at) FROM trip_record WHERE received_at > ?"
                                + " UNION SELECT DATE(ridden_at) FROM charge WHERE settled_at > ?"
                                + " UNION SELECT DATE(t.ridden_at) FROM trip_flag f JOIN trip_record t ON t.id = f.trip_id"
                                + " WHERE f.raised_at > ?")
                .setParameter(1, at).setParameter(2, at).setParameter(3, at).getResultList();
        return days.stream().map(RollUps::date).toList();
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void nightDone(Instant startedAt) {
        // Moved to when this night STARTED, and only after all its days: a change made while it ran is seen next time
        em.createNativeQuery("UPDATE rollup_watermark SET last_run_at = GREATEST(last_run_at, ?) WHERE id = 1")
                .setParameter(1, Timestamp.from(startedAt)).executeUpdate();
    }

    // ---------------------------------------------------------------- reading

    private Map<RollUpGroup, Totals> counted(LocalDate day) {
        return grouped(em.createNativeQuery("SELECT company_id, route_id, concession, outcome, COUNT(*), SUM(original_fen),"
                        + " SUM(charged_fen), SUM(discount_fen) FROM trip_outcome WHERE ridden_at >= ? AND ridden_at < ?"
                        + " GROUP BY company_id, route_id, concession, outcome")
                .setParameter(1, day.atStartOfDay()).setParameter(2, day.plusDays(1).atStartOfDay()).getResultList());
    }

    private Map<RollUpGroup, Totals> stored(LocalDate day) {
        return grouped(em.createNativeQuery("SELECT company_id, route_id, concession, outcome, rides, original_fen,"
                + " charged_fen, discount_fen FROM daily_rollup WHERE service_day = ?").setParameter(1, day).getResultList());
    }

    private static Map<RollUpGroup, Totals> grouped(List<?> result) {
        Map<RollUpGroup, Totals> groups = new LinkedHashMap<>();
        for (Object[] row : rows(result)) {
            groups.put(group(row, 0), totals(row, 4));
        }
        return groups;
    }

    private static RollUpGroup group(Object[] row, int at) {
        return new RollUpGroup(((Number) row[at]).longValue(), ((Number) row[at + 1]).longValue(), (String) row[at + 2],
                Outcome.valueOf((String) row[at + 3]));
    }

    private static Totals totals(Object[] row, int at) {
        return new Totals(((Number) row[at]).longValue(), ((Number) row[at + 1]).longValue(),
                ((Number) row[at + 2]).longValue(), ((Number) row[at + 3]).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
