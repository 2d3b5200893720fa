package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;

/**
 * Tells the credit platform, per person and month, how many 信易行 rides were granted: the
 * feedback half of China's joint incentive system, so the platform can show that a red-list
 * entry had an effect.
 */
@Stateless
public class UsageFeedback {

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @SuppressWarnings("unchecked")
    public List<FeedbackRow> forMonth(YearMonth month) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT (SELECT e.id FROM redlist_entry e
                                WHERE e.id_number_index = t.id_number_index LIMIT 1),
                               COUNT(*), SUM(t.discount_fen)
                        FROM trip_record t
                        WHERE t.concession = ? AND t.ridden_at >= ? AND t.ridden_at < ?
                        GROUP BY t.id_number_index
                        ORDER BY MIN(t.id)""")
                .setParameter(1, ConcessionType.XINYIXING.name())
                .setParameter(2, Timestamp.valueOf(month.atDay(1).atStartOfDay()))
                .setParameter(3, Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()))
                .getResultList();
        return rows.stream()
                .filter(row -> row[0] != null)
                .map(row -> new FeedbackRow(idNumbers.reveal(RedListEntry.TABLE,
                                em.find(RedListEntry.class, ((Number) row[0]).longValue()).idNumber()), month.toString(),
                        ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }
}
