package cn.gov.shanwei.xinyixing.settlement.boundary;

/**
 * Fired when a version of a year's settlement is sealed, in that transaction: the subsidy workflow
 * offers it for review, the audit trail records it.
 */
public record SettlementCompleted(long runId, int year, int version, long subsidisedRides, long discountFen,
                                  String manifestSm3) {
}
