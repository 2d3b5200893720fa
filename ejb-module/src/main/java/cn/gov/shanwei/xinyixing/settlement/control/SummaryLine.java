package cn.gov.shanwei.xinyixing.settlement.control;

/**
 * One row of the annual summary: the totals of a group of rides. {@code month} is 1–12, or 0 where the
 * row is not per month; {@code routeNo} is empty where it is not per route. For an excluded group the
 * outcome says why, and the amounts are what would have been claimed.
 */
public record SummaryLine(String companyCode, int month, String routeNo, Outcome outcome,
                          long rides, long originalFen, long chargedFen, long discountFen) {
}
