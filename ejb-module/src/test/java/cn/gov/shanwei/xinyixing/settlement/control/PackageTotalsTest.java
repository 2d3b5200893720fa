package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A generated year with known totals: the detail as streamed agrees with a summary to the fen, or is caught. */
class PackageTotalsTest {

    @Test
    void aGeneratedYearAddsUpToItsKnownTotalsAndAgreesWithItsSummary() {
        Random random = new Random(2026);
        String[] companies = {"SWBUS", "HHWBUS"};
        long[][][] known = new long[2][13][4];
        PackageTotals detail = new PackageTotals();
        long knownDiscount = 0;
        for (int i = 0; i < 200_000; i++) {
            int c = random.nextInt(2);
            int month = 1 + random.nextInt(12);
            long original = 100 + 100L * random.nextInt(3);
            long discount = original * 5000 / 10_000 + (original % 2);
            long charged = original - discount;
            detail.add(companies[c], month, original, charged, discount);
            known[c][month][0]++;
            known[c][month][1] += original;
            known[c][month][2] += charged;
            known[c][month][3] += discount;
            knownDiscount += discount;
        }
        List<SummaryLine> summary = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int m = 1; m <= 12; m++) {
                long[] k = known[c][m];
                summary.add(new SummaryLine(companies[c], m, "", Outcome.SUBSIDISED, k[0], k[1], k[2], k[3]));
            }
        }
        assertNull(detail.disagreement(summary));
        assertEquals(200_000, detail.all().rides());
        assertEquals(knownDiscount, detail.all().discountFen());
    }

    @Test
    void oneFenOffInOneMonthIsCaught() {
        PackageTotals detail = new PackageTotals();
        detail.add("SWBUS", 3, 200, 100, 100);
        detail.add("SWBUS", 3, 200, 100, 100);
        String found = detail.disagreement(List.of(new SummaryLine("SWBUS", 3, "", Outcome.SUBSIDISED, 2, 400, 201, 199)));
        assertNotNull(found);
        assertEquals(true, found.startsWith("SWBUS/3"));
    }

    @Test
    void aMonthOnlyOneSideHasIsCaught() {
        PackageTotals detail = new PackageTotals();
        detail.add("SWBUS", 3, 200, 100, 100);
        assertNotNull(detail.disagreement(List.of(new SummaryLine("SWBUS", 3, "", Outcome.SUBSIDISED, 1, 200, 100, 100),
                new SummaryLine("SWBUS", 4, "", Outcome.SUBSIDISED, 1, 200, 100, 100))));
    }
}
