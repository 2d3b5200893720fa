/**
 * R10–R11: the money of a year. The nightly roll-up (per day × company × route × concession × outcome,
 * with dated adjustments of closed days), the annual settlement as versions built by the Jakarta Batch
 * job {@code annual-settlement} (frozen basis, detail and summary in CSV and xlsx, an SM3 manifest signed
 * with the card operator's SM2 key), its timers and its overdue check.
 *
 * <p><b>Owns</b> {@code daily_rollup}, {@code rollup_day}, {@code rollup_adjustment}, {@code rollup_watermark},
 * {@code settlement_run}, {@code settlement_line}, and the view {@code trip_outcome} — the subsidy rule, stated
 * once, and the only way this area reads the trip and payment areas' tables. <b>Uses</b> {@code platform},
 * {@code access} (roles). <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.settlement.boundary.DayRolledUp}
 * and {@link cn.gov.shanwei.xinyixing.settlement.boundary.SettlementCompleted}.
 */
package cn.gov.shanwei.xinyixing.settlement;
