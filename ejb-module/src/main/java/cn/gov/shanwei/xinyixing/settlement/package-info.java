/**
 * R10–R11: the annual settlement the card operator hands the bureau — one run per year, opened by a
 * persistent January timer or by hand, safe to open twice.
 *
 * <p><b>Owns</b> {@code settlement_run}. <b>Uses</b> {@code platform}. <b>Publishes</b> no events yet.
 */
package cn.gov.shanwei.xinyixing.settlement;
