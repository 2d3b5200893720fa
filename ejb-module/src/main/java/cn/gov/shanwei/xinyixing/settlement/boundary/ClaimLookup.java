package cn.gov.shanwei.xinyixing.settlement.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The subsidy claim's side of a reconciliation: of the rides a day's payments were for, which the subsidy
 * rule counts ({@code trip_outcome} = SUBSIDISED), and the claimed discount of the matched ones. Trips are
 * looked up by id in slices, each an index range on the trip table's key.
 */
final class ClaimLookup {

    private static final int SLICE = 1000;

    private final Set<Long> claimed;
    private final int matchedRides;
    private final long matchedDiscountFen;

    private ClaimLookup(Set<Long> claimed, int matchedRides, long matchedDiscountFen) {
        this.claimed = claimed;
        this.matchedRides = matchedRides;
        this.matchedDiscountFen = matchedDiscountFen;
    }

    static ClaimLookup of(EntityManager em, List<Long> differenceTrips, List<Long> matchedTrips) {
        Set<Long> claimed = new HashSet<>();
        slices(em, differenceTrips, (id, discount) -> claimed.add(id));
        long[] matched = new long[2];
        slices(em, matchedTrips, (id, discount) -> {
            matched[0]++;
            matched[1] += discount;
        });
        return new ClaimLookup(claimed, (int) matched[0], matched[1]);
    }

    boolean claimed(long tripId) {
        return claimed.contains(tripId);
    }

    int matchedRides() {
        return matchedRides;
    }

    long matchedDiscountFen() {
        return matchedDiscountFen;
    }

    private interface Claimed {
        void ride(long tripId, long discountFen);
    }

    private static void slices(EntityManager em, List<Long> tripIds, Claimed each) {
        for (int from = 0; from < tripIds.size(); from += SLICE) {
            List<Long> slice = tripIds.subList(from, Math.min(tripIds.size(), from + SLICE));
            Query query = em.createNativeQuery("SELECT trip_id, discount_fen FROM trip_outcome WHERE outcome = 'SUBSIDISED'"
                    + " AND trip_id IN (" + String.join(",", Collections.nCopies(slice.size(), "?")) + ")");
            for (int i = 0; i < slice.size(); i++) {
                query.setParameter(i + 1, slice.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                each.ride(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
    }
}
