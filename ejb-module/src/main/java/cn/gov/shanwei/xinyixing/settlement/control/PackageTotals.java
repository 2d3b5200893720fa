package cn.gov.shanwei.xinyixing.settlement.control;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Sums of the detail as it is written, per company × month, to be held against the summary the database
 * computed from the same frozen basis. Two independent additions of the same rides: if they disagree by
 * a fen, the package is not sealed.
 */
public final class PackageTotals {

    private final Map<String, Totals> byCompanyMonth = new TreeMap<>();
    private Totals all = Totals.NONE;

    public void add(String companyCode, int month, long originalFen, long chargedFen, long discountFen) {
        Totals ride = new Totals(1, originalFen, chargedFen, discountFen);
        byCompanyMonth.merge(key(companyCode, month), ride, Totals::plus);
        all = all.plus(ride);
    }

    public Totals all() {
        return all;
    }

    /** The first company × month where the detail and the summary disagree, or null if they agree to the fen. */
    public String disagreement(Iterable<SummaryLine> summaryPerCompanyMonth) {
        Map<String, Totals> summary = new TreeMap<>();
        for (SummaryLine line : summaryPerCompanyMonth) {
            summary.merge(key(line.companyCode(), line.month()),
                    new Totals(line.rides(), line.originalFen(), line.chargedFen(), line.discountFen()), Totals::plus);
        }
        for (String key : union(summary)) {
            Totals detail = byCompanyMonth.getOrDefault(key, Totals.NONE);
            Totals summed = summary.getOrDefault(key, Totals.NONE);
            if (!Objects.equals(detail, summed)) {
                return key + ": detail " + detail + " vs summary " + summed;
            }
        }
        return null;
    }

    private Iterable<String> union(Map<String, Totals> summary) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        byCompanyMonth.keySet().forEach(k -> keys.put(k, true));
        summary.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet();
    }

    private static String key(String companyCode, int month) {
        return companyCode + "/" + month;
    }
}
