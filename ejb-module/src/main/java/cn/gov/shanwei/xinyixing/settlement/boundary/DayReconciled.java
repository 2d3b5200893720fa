package cn.gov.shanwei.xinyixing.settlement.boundary;

import java.time.LocalDate;

/**
 * Fired when a day's bill has been matched (or could not be), in the transaction that records it: for the
 * audit trail and the dashboard.
 */
public record DayReconciled(LocalDate billDate, String status, int differences, long matchedFen) {
}
