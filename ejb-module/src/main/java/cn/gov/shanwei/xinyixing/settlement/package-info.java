/**
 * R10–R11: the money of a year. The nightly roll-up (per day × company × route × concession × outcome,
 * with dated adjustments of closed days), the annual settlement as versions built by the Jakarta Batch
 * job {@code annual-settlement} (frozen basis, detail and summary in CSV and xlsx, an SM3 manifest signed
 * with the card operator's SM2 key), its timers and its overdue check; and the daily reconciliation of the
 * payments we recorded against the payment platform's bill, with the subsidy claim of the matched rides beside it.
 *
 * <p><b>Owns</b> {@code daily_rollup}, {@code rollup_day}, {@code rollup_adjustment}, {@code rollup_watermark},
 * {@code settlement_run}, {@code settlement_line}, {@code reconciliation_day}, {@code reconciliation_difference},
 * and the view {@code trip_outcome} — the subsidy rule, stated once, and the only way this area reads the trip
 * and payment areas' tables. <b>Uses</b> {@code platform}, {@code access} (roles), {@code payment}
 * ({@link cn.gov.shanwei.xinyixing.payment.boundary.PaymentBills}: the day's bill and our payments of the day).
 * <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.settlement.boundary.DayRolledUp},
 * {@link cn.gov.shanwei.xinyixing.settlement.boundary.DayReconciled} and
 * {@link cn.gov.shanwei.xinyixing.settlement.boundary.SettlementCompleted}.
 */
package cn.gov.shanwei.xinyixing.settlement;
