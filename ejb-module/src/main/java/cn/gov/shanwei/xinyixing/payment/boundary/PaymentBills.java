package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.BillDownload;
import cn.gov.shanwei.xinyixing.payment.control.BillFile;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PaymentKind;
import cn.gov.shanwei.xinyixing.platform.clock.ClockProducer;
import cn.gov.shanwei.xinyixing.platform.persistence.SqlTimes;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The money side of a day for its reconciliation (R10): the platform's daily bill, downloaded and checked,
 * and the payments this system recorded as succeeded with a success time on that day. Settlement matches
 * the two; this area only reports what each side says. No edge reaches it directly: the reconciliation's
 * boundary, which checks its callers' roles, and its timer are its callers.
 */
@Stateless
@PermitAll
public class PaymentBills {

    /** A day's bill, or why there is none to match. */
    public record Fetched(Status status, BillFile.Bill bill, String problem) {
        public enum Status { READY, NOT_READY, UNREACHABLE, REFUSED }
    }

    private static final int SLICE = 500;

    @Inject
    PaymentChannel channel;

    @PersistenceContext
    EntityManager em;

    /** Downloads and reads a day's bill; touches no table, so it runs outside any transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Fetched fetch(LocalDate billDate) {
        BillDownload download = channel.bill(billDate);
        return switch (download.status()) {
            case NOT_READY -> new Fetched(Fetched.Status.NOT_READY, null, download.detail());
            case NO_ANSWER -> new Fetched(Fetched.Status.UNREACHABLE, null, download.detail());
            case READY -> {
                try {
                    yield new Fetched(Fetched.Status.READY, BillFile.read(billDate, download.body(), download.digest()), null);
                } catch (BillFile.Refused e) {
                    yield new Fetched(Fetched.Status.REFUSED, null, e.getMessage());
                }
            }
        };
    }

    /** Every deduction and repayment that succeeded at a time on {@code day} (China time), as we recorded it. */
    public List<PaidOrder> paidOn(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(ClockProducer.SHANWEI).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(ClockProducer.SHANWEI).toInstant());
        @SuppressWarnings("unchecked")
        List<Object[]> deductions = em.createNativeQuery("SELECT order_no, charged_fen, paid_at, state, trip_id FROM charge"
                + " WHERE paid_at >= ? AND paid_at < ? AND state = 'PAID'").setParameter(1, from).setParameter(2, to)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> repayments = em.createNativeQuery("SELECT repayment_no, amount_fen, paid_at, state FROM charge_repayment"
                + " WHERE paid_at >= ? AND paid_at < ? AND state = 'SUCCEEDED'").setParameter(1, from).setParameter(2, to)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> covered = em.createNativeQuery("SELECT c.repayment_no, c.trip_id FROM charge c"
                + " JOIN charge_repayment r ON r.repayment_no = c.repayment_no"
                + " WHERE r.paid_at >= ? AND r.paid_at < ? AND r.state = 'SUCCEEDED' ORDER BY c.trip_id")
                .setParameter(1, from).setParameter(2, to).getResultList();
        List<PaidOrder> paid = new ArrayList<>(deductions.size() + repayments.size());
        deductions.forEach(r -> paid.add(deduction(r)));
        paid.addAll(repayments(repayments, covered));
        return paid;
    }

    /**
     * Our orders and repayments with these numbers, whatever their state or day: what we know of bill lines that
     * matched nothing paid on the bill's day (a few, so they are asked for in slices).
     */
    public Map<String, PaidOrder> numbered(Collection<String> numbers) {
        Map<String, PaidOrder> found = new HashMap<>();
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            @SuppressWarnings("unchecked")
            List<Object[]> deductions = bind(em.createNativeQuery("SELECT order_no, charged_fen, paid_at, state, trip_id"
                    + " FROM charge WHERE order_no IN (" + in + ")"), slice).getResultList();
            deductions.forEach(r -> found.put((String) r[0], deduction(r)));
            @SuppressWarnings("unchecked")
            List<Object[]> repayments = bind(em.createNativeQuery("SELECT repayment_no, amount_fen, paid_at, state"
                    + " FROM charge_repayment WHERE repayment_no IN (" + in + ")"), slice).getResultList();
            @SuppressWarnings("unchecked")
            List<Object[]> covered = bind(em.createNativeQuery("SELECT repayment_no, trip_id FROM charge"
                    + " WHERE repayment_no IN (" + in + ") ORDER BY trip_id"), slice).getResultList();
            repayments(repayments, covered).forEach(p -> found.put(p.number(), p));
        }
        return found;
    }

    private static PaidOrder deduction(Object[] r) {
        return new PaidOrder(PaymentKind.DEDUCTION, (String) r[0], ((Number) r[1]).longValue(), paidAt(r[2]), (String) r[3],
                List.of(((Number) r[4]).longValue()));
    }

    /** Repayments with the trips of the orders each settled ({@code covered}: repayment number, trip id). */
    private static List<PaidOrder> repayments(List<Object[]> rows, List<Object[]> covered) {
        Map<String, List<Long>> trips = covered.stream().collect(Collectors.groupingBy(r -> (String) r[0], LinkedHashMap::new,
                Collectors.mapping(r -> ((Number) r[1]).longValue(), Collectors.toList())));
        return rows.stream().map(r -> new PaidOrder(PaymentKind.REPAYMENT, (String) r[0], ((Number) r[1]).longValue(),
                paidAt(r[2]), (String) r[3], trips.getOrDefault((String) r[0], List.of()))).toList();
    }

    private static Instant paidAt(Object column) {
        return column == null ? null : SqlTimes.instant(column);
    }

    private static Query bind(Query query, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }
}
