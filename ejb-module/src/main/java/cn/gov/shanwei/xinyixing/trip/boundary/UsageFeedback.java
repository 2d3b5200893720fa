package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListEntry;
import cn.gov.shanwei.xinyixing.trip.control.PersonReference;
import cn.gov.shanwei.xinyixing.trip.entity.FeedbackAccess;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Tells the credit platform, per person and month, how many 信易行 rides were granted: the
 * feedback half of China's joint incentive system, so the platform can show that a red-list
 * entry had an effect. People are named by their {@link PersonReference} (HMAC-SM3 under the key
 * agreed with the platform, {@code xinyixing.credit-platform.feedback-key}), never by the ID
 * number; the rows come in pages; every page read is recorded ({@link FeedbackAccess}).
 */
@Stateless
public class UsageFeedback {

    public static final int MAX_PAGE_SIZE = 1000;
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** A request that cannot be answered, with its reason. */
    @ApplicationException(rollback = true)
    public static class FeedbackRefused extends RuntimeException {
        private final FeedbackProblem problem;

        public FeedbackRefused(FeedbackProblem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public FeedbackProblem problem() {
            return problem;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Config config;

    @Inject
    Clock clock;

    /** One page of the month (rows in the order of each person's first ride), recorded under the caller's credential. */
    @SuppressWarnings("unchecked")
    public FeedbackPage page(YearMonth month, int page, int size, String credential) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new FeedbackRefused(FeedbackProblem.PAGE_INVALID);
        }
        PersonReference references = references();
        Timestamp from = Timestamp.valueOf(month.atDay(1).atStartOfDay());
        Timestamp to = Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay());
        long total = ((Number) em.createNativeQuery("""
                        SELECT COUNT(DISTINCT t.id_number_index)
                        FROM trip_record t
                        WHERE t.state = 'ACCEPTED' AND t.concession = ? AND t.ridden_at >= ? AND t.ridden_at < ?
                          AND EXISTS (SELECT 1 FROM redlist_entry e WHERE e.id_number_index = t.id_number_index)""")
                .setParameter(1, ConcessionType.XINYIXING.name()).setParameter(2, from).setParameter(3, to)
                .getSingleResult()).longValue();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT (SELECT e.id FROM redlist_entry e
                                WHERE e.id_number_index = t.id_number_index LIMIT 1),
                               COUNT(*), SUM(t.discount_fen)
                        FROM trip_record t
                        WHERE t.state = 'ACCEPTED' AND t.concession = ? AND t.ridden_at >= ? AND t.ridden_at < ?
                          AND EXISTS (SELECT 1 FROM redlist_entry e WHERE e.id_number_index = t.id_number_index)
                        GROUP BY t.id_number_index
                        ORDER BY MIN(t.id), t.id_number_index
                        LIMIT ? OFFSET ?""")
                .setParameter(1, ConcessionType.XINYIXING.name()).setParameter(2, from).setParameter(3, to)
                .setParameter(4, size).setParameter(5, (long) page * size)
                .getResultList();
        List<FeedbackRow> lines = rows.stream()
                .map(row -> new FeedbackRow(references.of(idNumbers.reveal(RedListEntry.TABLE,
                                em.find(RedListEntry.class, ((Number) row[0]).longValue()).idNumber())), month.toString(),
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
        em.persist(new FeedbackAccess(clock.instant(), month.toString(), page, size, lines.size(), credential));
        return new FeedbackPage(month.toString(), page, size, total, lines);
    }

    private PersonReference references() {
        Optional<String> hex = config.getOptionalValue("xinyixing.credit-platform.feedback-key", String.class)
                .filter(value -> !value.isBlank());
        try {
            return new PersonReference(HexFormat.of().parseHex(hex.orElseThrow(
                    () -> new FeedbackRefused(FeedbackProblem.FEEDBACK_KEY_NOT_CONFIGURED)).strip()));
        } catch (IllegalArgumentException e) {
            throw new FeedbackRefused(FeedbackProblem.FEEDBACK_KEY_NOT_CONFIGURED);
        }
    }
}
