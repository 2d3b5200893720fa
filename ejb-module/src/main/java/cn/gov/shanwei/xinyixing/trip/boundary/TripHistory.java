package cn.gov.shanwei.xinyixing.trip.boundary;

import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.platform.persistence.SqlTimes;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A citizen's own rides, newest first, with the original fare, what was charged and the discount
 * the city pays (R6). Trips are location traces (PIPL): only the person they belong to sees them here.
 */
@Stateless
public class TripHistory {

    /** One ride as the mini-program lists it. */
    public record Trip(LocalDateTime riddenAt, String routeNo, String concession, int originalFen, int chargedFen,
                       int discountFen) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @SuppressWarnings("unchecked")
    public List<Trip> of(Citizen citizen, int limit) {
        List<byte[]> indexes = idNumbers.indexes(citizen.idNumber());
        jakarta.persistence.Query query = em.createNativeQuery("""
                        SELECT t.ridden_at, r.route_no, t.concession, t.original_fen, t.charged_fen, t.discount_fen
                        FROM trip_record t LEFT JOIN bus_route r ON r.id = t.route_id
                        WHERE t.state = 'ACCEPTED' AND t.id_number_index IN (%s)
                        ORDER BY t.ridden_at DESC LIMIT ?""".formatted(idNumbers.indexPlaceholders()));
        for (int i = 0; i < indexes.size(); i++) {
            query.setParameter(i + 1, indexes.get(i));
        }
        List<Object[]> rows = query.setParameter(indexes.size() + 1, Math.max(1, Math.min(limit, 200))).getResultList();
        return rows.stream().map(row -> new Trip(SqlTimes.local(row[0]),
                (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), ((Number) row[5]).intValue())).toList();
    }
}
