package cn.gov.shanwei.xinyixing.settlement.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a day's bill against the payments we recorded as succeeded that day, line by line on the
 * payment's number (our order or repayment number, unique to the platform). A number on both with the same
 * amount is matched; everything else is a {@link Difference}: ours and not on the bill, on the bill and not
 * ours, both with different amounts, or on the bill again. Plain arithmetic on two lists, so a busy day's
 * forty thousand lines are matched in memory in one pass each.
 */
public final class BillMatching {

    /** One payment on either side, reduced to what is compared. */
    public record Payment(String kind, String number, long amountFen, List<Long> tripIds, int billLine) {
    }

    /** The outcome: both sides' counts and sums, what matched (and the rides it paid for), and the differences. */
    public record Result(int paidLines, long paidFen, int billLines, long billFen, int matchedLines, long matchedFen,
                         List<Long> matchedTrips, List<Difference> differences) {
        public boolean balanced() {
            return differences.isEmpty();
        }
    }

    private BillMatching() {
    }

    public static Result match(List<Payment> paid, List<Payment> bill) {
        Map<String, Payment> ours = new LinkedHashMap<>();
        paid.forEach(p -> ours.put(p.number(), p));
        Set<String> seenOnBill = new HashSet<>();
        Map<String, Payment> firstOnBill = new HashMap<>();
        List<Difference> differences = new ArrayList<>();
        List<Long> matchedTrips = new ArrayList<>();
        int matchedLines = 0;
        long matchedFen = 0;
        for (Payment line : bill) {
            if (!seenOnBill.add(line.number())) {
                Payment our = ours.get(line.number());
                differences.add(new Difference(DifferenceKind.DUPLICATE, line.kind(), line.number(),
                        our == null ? null : our.amountFen(), line.amountFen(), line.billLine(),
                        our == null ? List.of() : our.tripIds(), false, null));
                continue;
            }
            firstOnBill.put(line.number(), line);
            Payment our = ours.get(line.number());
            if (our == null) {
                differences.add(new Difference(DifferenceKind.NO_TRIP, line.kind(), line.number(), null, line.amountFen(),
                        line.billLine(), List.of(), false, null));
            } else if (our.amountFen() != line.amountFen()) {
                differences.add(new Difference(DifferenceKind.AMOUNT_DIFFERS, line.kind(), line.number(), our.amountFen(),
                        line.amountFen(), line.billLine(), our.tripIds(), false, null));
            } else {
                matchedLines++;
                matchedFen += line.amountFen();
                matchedTrips.addAll(our.tripIds());
            }
        }
        for (Payment our : ours.values()) {
            if (!firstOnBill.containsKey(our.number())) {
                differences.add(new Difference(DifferenceKind.MISSING_FROM_BILL, our.kind(), our.number(), our.amountFen(),
                        null, null, our.tripIds(), false, null));
            }
        }
        return new Result(ours.size(), sum(ours.values()), bill.size(), sum(bill), matchedLines, matchedFen,
                List.copyOf(matchedTrips), List.copyOf(differences));
    }

    private static long sum(Iterable<Payment> payments) {
        long sum = 0;
        for (Payment p : payments) {
            sum += p.amountFen();
        }
        return sum;
    }
}
