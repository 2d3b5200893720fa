package cn.gov.shanwei.xinyixing.settlement.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.payment.boundary.PaidOrder;
import cn.gov.shanwei.xinyixing.payment.boundary.PaymentBills;
import cn.gov.shanwei.xinyixing.payment.control.BillFile;
import cn.gov.shanwei.xinyixing.platform.clock.ClockProducer;
import cn.gov.shanwei.xinyixing.platform.persistence.SqlTimes;
import cn.gov.shanwei.xinyixing.settlement.control.BillMatching;
import cn.gov.shanwei.xinyixing.settlement.control.Difference;
import cn.gov.shanwei.xinyixing.settlement.control.DifferenceKind;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The daily reconciliation (对账), three ways: the payments we recorded as succeeded on a day, the payment
 * platform's bill of that day (by success time, so a 22:00 ride paid at 00:10 is on the next day's), and the
 * subsidy claim — which of the matched rides the subsidy rule ({@code trip_outcome}) counts, and whether a
 * ride behind a difference is claimed. Reconciling a day replaces its result, so doing it again gives the
 * same result for the same bill; a bill that cannot be had or read leaves an earlier result as it was.
 */
@Stateless
public class Reconciliations {

    private static final Logger LOG = Logger.getLogger(Reconciliations.class.getName());
    /** Bills are kept by the platforms for months; a week back is what the timer retries by itself. */
    private static final int DAYS_BACK = 7;

    public enum Status { BALANCED, DIFFERENCES, NOT_READY, UNREACHABLE, REFUSED }

    /** A day's result: both sides' counts and sums, what matched, the claim of the matched rides. */
    public record Day(LocalDate billDate, Status status, String problem, String billDigest, int attempts, int paidLines,
                      long paidFen, int billLines, long billFen, int matchedLines, long matchedFen, int claimRides,
                      long claimDiscountFen, int differences, Instant reconciledAt) {
    }

    public record Reconciled(Day day, List<Difference> differences) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    PaymentBills bills;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @Inject
    Event<DayReconciled> reconciled;

    /** Reconciles one day now (operator staff): after the platform re-issued a bill, say. */
    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Reconciled reconcile(LocalDate billDate) {
        if (!billDate.isBefore(LocalDate.now(clock))) {
            throw new SettlementRefused(SettlementProblem.DAY_NOT_ENDED);
        }
        return context.getBusinessObject(Reconciliations.class).record(billDate, bills.fetch(billDate));
    }

    /**
     * The timer's work: each of the last days whose bill was not matched yet (not ready, unreachable,
     * refused, never asked), and once a day each that had differences (a late notification may resolve one).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Day> catchUp() {
        Reconciliations self = context.getBusinessObject(Reconciliations.class);
        List<Day> done = new ArrayList<>();
        for (LocalDate day : self.due()) {
            done.add(self.record(day, bills.fetch(day)).day());
        }
        if (!done.isEmpty()) {
            LOG.info(() -> "Reconciliation: " + done.size() + " day(s), " + done.stream()
                    .filter(d -> d.status() == Status.BALANCED).count() + " balanced");
        }
        return done;
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Day> catchUpByHand() {
        return context.getBusinessObject(Reconciliations.class).catchUp();
    }

    @PermitAll
    public List<LocalDate> due() {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, Object[]> known = rows(em.createNativeQuery("SELECT bill_date, status, reconciled_at"
                        + " FROM reconciliation_day WHERE bill_date >= ?").setParameter(1, today.minusDays(DAYS_BACK))
                .getResultList()).stream().collect(Collectors.toMap(r -> date(r[0]), r -> r));
        Instant startOfToday = today.atStartOfDay(ClockProducer.SHANWEI).toInstant();
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS_BACK); day.isBefore(today); day = day.plusDays(1)) {
            Object[] row = known.get(day);
            Status status = row == null ? null : Status.valueOf((String) row[1]);
            if (status == null || status == Status.NOT_READY || status == Status.UNREACHABLE || status == Status.REFUSED
                    || status == Status.DIFFERENCES && SqlTimes.instant(row[2]).isBefore(startOfToday)) {
                due.add(day);
            }
        }
        return due;
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public Reconciled day(LocalDate billDate) {
        Day day = stored(billDate).orElseThrow(() -> new SettlementRefused(SettlementProblem.NOT_RECONCILED));
        return new Reconciled(day, differences(billDate));
    }

    @RolesAllowed({Roles.OPERATOR_STAFF, Roles.BUREAU_STAFF, Roles.AUDITOR, Roles.ADMIN})
    public List<Day> days(Year year) {
        return rows(em.createNativeQuery(SELECT_DAY + " WHERE bill_date >= ? AND bill_date < ? ORDER BY bill_date DESC")
                .setParameter(1, year.atDay(1)).setParameter(2, year.plusYears(1).atDay(1)).getResultList())
                .stream().map(Reconciliations::day).toList();
    }

    /** The year's reconciliation in words, for the package's cover: days matched, balanced, differences, missing. */
    @PermitAll
    public String yearInWords(Year year) {
        LocalDate first = year.atDay(1);
        LocalDate end = year.plusYears(1).atDay(1);
        LocalDate today = LocalDate.now(clock);
        long days = first.datesUntil(end.isBefore(today) ? end : today).count();
        Object[] row = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(status = 'BALANCED'), 0),"
                        + " COALESCE(SUM(status = 'DIFFERENCES'), 0), COALESCE(SUM(differences), 0), COALESCE(SUM(matched_fen), 0)"
                        + " FROM reconciliation_day WHERE bill_date >= ? AND bill_date < ?")
                .setParameter(1, first).setParameter(2, end).getSingleResult();
        long balanced = ((Number) row[0]).longValue();
        long withDifferences = ((Number) row[1]).longValue();
        return "账单对账 / Daily bills: " + balanced + " 天一致 balanced, " + withDifferences + " 天有差异 with differences ("
                + ((Number) row[2]).longValue() + " 条 lines), " + (days - balanced - withDifferences)
                + " 天未对账 not matched; 已对账金额 matched " + ((Number) row[3]).longValue() + " 分 fen";
    }

    // ---------------------------------------------------------------- one transaction each

    /**
     * Matches one day against its bill, fetched and read by the caller before this transaction begins, so no
     * connection or lock is held while the platform answers. The day's row is locked first, so two instances
     * never record the same day at once; a bill that could not be had or read changes only the day's status (or,
     * if it was matched before, only its problem note).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Reconciled record(LocalDate billDate, PaymentBills.Fetched fetched) {
        Instant now = clock.instant();
        em.createNativeQuery("INSERT IGNORE INTO reconciliation_day (bill_date, status, attempts, paid_lines, paid_fen,"
                        + " bill_lines, bill_fen, matched_lines, matched_fen, claim_rides, claim_discount_fen, differences,"
                        + " reconciled_at) VALUES (?, 'NOT_READY', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)")
                .setParameter(1, billDate).setParameter(2, Timestamp.from(now)).executeUpdate();
        Status before = Status.valueOf((String) em.createNativeQuery("SELECT status FROM reconciliation_day"
                + " WHERE bill_date = ? FOR UPDATE").setParameter(1, billDate).getSingleResult());
        if (fetched.status() != PaymentBills.Fetched.Status.READY) {
            boolean matchedBefore = before == Status.BALANCED || before == Status.DIFFERENCES;
            em.createNativeQuery("UPDATE reconciliation_day SET status = ?, problem = ?, attempts = attempts + 1,"
                            + " reconciled_at = ? WHERE bill_date = ?")
                    .setParameter(1, matchedBefore ? before.name() : fetched.status().name())
                    .setParameter(2, (matchedBefore ? "last re-check: " : "") + fetched.status() + " " + fetched.problem())
                    .setParameter(3, Timestamp.from(now)).setParameter(4, billDate).executeUpdate();
            Reconciled result = day(billDate);
            reconciled.fire(new DayReconciled(billDate, result.day().status().name(), result.day().differences(),
                    result.day().matchedFen()));
            return result;
        }
        BillFile.Bill bill = fetched.bill();
        BillMatching.Result matching = BillMatching.match(
                bills.paidOn(billDate).stream().map(p -> new BillMatching.Payment(p.kind().name(), p.number(), p.amountFen(),
                        p.tripIds(), 0)).toList(),
                bill.lines().stream().map(l -> new BillMatching.Payment(l.kind().name(), l.number(), l.amountFen(), List.of(),
                        l.line())).toList());
        List<Difference> differences = withWhatWeKnow(matching.differences());
        ClaimLookup claim = ClaimLookup.of(em, differences.stream().flatMap(d -> d.tripIds().stream()).toList(),
                matching.matchedTrips());
        differences = differences.stream().map(d -> d.claimed(d.tripIds().stream().anyMatch(claim::claimed))).toList();

        em.createNativeQuery("DELETE FROM reconciliation_difference WHERE bill_date = ?").setParameter(1, billDate)
                .executeUpdate();
        for (Difference d : differences) {
            em.createNativeQuery("INSERT INTO reconciliation_difference (bill_date, kind, payment_kind, number, paid_fen,"
                            + " bill_fen, bill_line, trip_ids, in_claim, ours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, billDate).setParameter(2, d.kind().name()).setParameter(3, d.paymentKind())
                    .setParameter(4, d.number()).setParameter(5, d.paidFen()).setParameter(6, d.billFen())
                    .setParameter(7, d.billLine()).setParameter(8, tripIds(d.tripIds())).setParameter(9, d.inClaim())
                    .setParameter(10, d.ours()).executeUpdate();
        }
        Status status = differences.isEmpty() ? Status.BALANCED : Status.DIFFERENCES;
        em.createNativeQuery("UPDATE reconciliation_day SET status = ?, problem = NULL, bill_digest = ?,"
                        + " attempts = attempts + 1, paid_lines = ?, paid_fen = ?, bill_lines = ?, bill_fen = ?, matched_lines = ?,"
                        + " matched_fen = ?, claim_rides = ?, claim_discount_fen = ?, differences = ?, reconciled_at = ?"
                        + " WHERE bill_date = ?")
                .setParameter(1, status.name()).setParameter(2, bill.digestHex()).setParameter(3, matching.paidLines())
                .setParameter(4, matching.paidFen()).setParameter(5, matching.billLines()).setParameter(6, matching.billFen())
                .setParameter(7, matching.matchedLines()).setParameter(8, matching.matchedFen())
                .setParameter(9, claim.matchedRides()).setParameter(10, claim.matchedDiscountFen())
                .setParameter(11, differences.size()).setParameter(12, Timestamp.from(now)).setParameter(13, billDate)
                .executeUpdate();
        reconciled.fire(new DayReconciled(billDate, status.name(), differences.size(), matching.matchedFen()));
        return new Reconciled(stored(billDate).orElseThrow(), differences);
    }

    /** A bill line that matched nothing paid that day: say what we know of its number (paid another day, failed …). */
    private List<Difference> withWhatWeKnow(List<Difference> differences) {
        List<String> unknown = differences.stream().filter(d -> d.kind() == DifferenceKind.NO_TRIP).map(Difference::number)
                .toList();
        if (unknown.isEmpty()) {
            return differences;
        }
        Map<String, PaidOrder> known = bills.numbered(unknown);
        return differences.stream().map(d -> {
            PaidOrder ours = d.kind() == DifferenceKind.NO_TRIP ? known.get(d.number()) : null;
            if (ours == null) {
                return d;
            }
            String what = ours.state() + (ours.paid() && ours.paidAt() != null
                    ? " " + ours.paidAt().atZone(ClockProducer.SHANWEI).toLocalDate() : "");
            return d.knownAs(what, ours.tripIds());
        }).toList();
    }

    private static final String SELECT_DAY = "SELECT bill_date, status, problem, bill_digest, attempts, paid_lines, paid_fen,"
            + " bill_lines, bill_fen, matched_lines, matched_fen, claim_rides, claim_discount_fen, differences, reconciled_at"
            + " FROM reconciliation_day";

    private Optional<Day> stored(LocalDate billDate) {
        return rows(em.createNativeQuery(SELECT_DAY + " WHERE bill_date = ?").setParameter(1, billDate).getResultList())
                .stream().findFirst().map(Reconciliations::day);
    }

    private List<Difference> differences(LocalDate billDate) {
        return rows(em.createNativeQuery("SELECT kind, payment_kind, number, paid_fen, bill_fen, bill_line, trip_ids,"
                        + " in_claim, ours FROM reconciliation_difference WHERE bill_date = ? ORDER BY id")
                .setParameter(1, billDate).getResultList()).stream()
                .map(r -> new Difference(DifferenceKind.valueOf((String) r[0]), (String) r[1], (String) r[2], longOrNull(r[3]),
                        longOrNull(r[4]), r[5] == null ? null : ((Number) r[5]).intValue(), tripIds((String) r[6]),
                        truth(r[7]), (String) r[8]))
                .toList();
    }

    private static Day day(Object[] r) {
        return new Day(date(r[0]), Status.valueOf((String) r[1]), (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), ((Number) r[7]).intValue(),
                ((Number) r[8]).longValue(), ((Number) r[9]).intValue(), ((Number) r[10]).longValue(), ((Number) r[11]).intValue(),
                ((Number) r[12]).longValue(), ((Number) r[13]).intValue(), SqlTimes.instant(r[14]));
    }

    /** A DATE column: Connector/J gives {@code java.sql.Date} (or {@code LocalDate}, by its settings). */
    private static LocalDate date(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /** Trip ids as stored with a difference: a few at most (a repayment's orders), comma-separated, cut at the column's size. */
    private static String tripIds(List<Long> ids) {
        String text = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return text.length() <= 400 ? text : text.substring(0, text.lastIndexOf(',', 396)) + ",…";
    }

    private static List<Long> tripIds(String text) {
        return text == null || text.isEmpty() ? List.of()
                : Arrays.stream(text.split(",")).filter(s -> !s.equals("…")).map(Long::valueOf).toList();
    }
}
