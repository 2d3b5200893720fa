package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BillMatchingTest {

    private static BillMatching.Payment ours(String number, long fen, long trip) {
        return new BillMatching.Payment("DEDUCTION", number, fen, List.of(trip), 0);
    }

    private static BillMatching.Payment line(String number, long fen, int line) {
        return new BillMatching.Payment("DEDUCTION", number, fen, List.of(), line);
    }

    @Test
    void theSameNumbersWithTheSameAmountsBalance() {
        BillMatching.Result result = BillMatching.match(List.of(ours("A", 150, 1), ours("B", 100, 2)),
                List.of(line("B", 100, 2), line("A", 150, 3)));
        assertTrue(result.balanced());
        assertEquals(2, result.matchedLines());
        assertEquals(250, result.matchedFen());
        assertEquals(List.of(2L, 1L), result.matchedTrips());
    }

    @Test
    void eachKindOfDifferenceIsFoundOnceWithBothAmounts() {
        BillMatching.Result result = BillMatching.match(
                List.of(ours("MATCHED", 150, 1), ours("MISSING", 150, 2), ours("AMOUNT", 150, 3), ours("TWICE", 150, 4)),
                List.of(line("MATCHED", 150, 2), line("AMOUNT", 151, 3), line("TWICE", 150, 4), line("TWICE", 150, 5),
                        line("STRANGER", 200, 6)));
        Map<String, Difference> byNumber = result.differences().stream()
                .collect(Collectors.toMap(Difference::number, d -> d));
        assertEquals(4, result.differences().size());
        assertEquals(DifferenceKind.MISSING_FROM_BILL, byNumber.get("MISSING").kind());
        assertEquals(150L, byNumber.get("MISSING").paidFen());
        assertEquals(null, byNumber.get("MISSING").billFen());
        assertEquals(List.of(2L), byNumber.get("MISSING").tripIds());
        assertEquals(DifferenceKind.AMOUNT_DIFFERS, byNumber.get("AMOUNT").kind());
        assertEquals(151L, byNumber.get("AMOUNT").billFen());
        assertEquals(DifferenceKind.DUPLICATE, byNumber.get("TWICE").kind());
        assertEquals(5, byNumber.get("TWICE").billLine());
        assertEquals(DifferenceKind.NO_TRIP, byNumber.get("STRANGER").kind());
        assertEquals(null, byNumber.get("STRANGER").paidFen());
        // The first copy of a doubled line is matched; the money on each side is counted as listed
        assertEquals(2, result.matchedLines());
        assertEquals(300, result.matchedFen());
        assertEquals(4, result.paidLines());
        assertEquals(600, result.paidFen());
        assertEquals(5, result.billLines());
        assertEquals(801, result.billFen());
    }

    @Test
    void nothingOnEitherSideBalances() {
        BillMatching.Result result = BillMatching.match(List.of(), List.of());
        assertTrue(result.balanced());
        assertEquals(0, result.billFen());
    }
}
