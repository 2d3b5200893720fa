package cn.gov.shanwei.xinyixing.settlement.boundary;

import java.time.LocalDate;

/** Fired when a day has been rolled up, in its transaction: for the audit trail and the dashboard. */
public record DayRolledUp(LocalDate day, long trips, int adjustments) {
}
