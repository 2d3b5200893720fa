/**
 * R2–R5, R17: who gets which concession on a day, and why. The rules are plain Java in
 * {@code control} ({@link cn.gov.shanwei.xinyixing.eligibility.control.EligibilityRules}); the boundary
 * reads the red list, the concession register and the policy versions and explains every decision
 * with reason codes.
 *
 * <p><b>Owns</b> {@code policy_version}, {@code concession_holding} (the card operator's other
 * concessions, R4). <b>Uses</b> {@code redlist}, {@code platform}.
 * <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.eligibility.boundary.DiscountWithdrawn} (a person
 * loses the discount before their entitlement's end: a red-list removal leaves no qualifying entry,
 * or another concession is registered). <b>Observes</b> {@code EntriesWithdrawn}.
 */
package cn.gov.shanwei.xinyixing.eligibility;
