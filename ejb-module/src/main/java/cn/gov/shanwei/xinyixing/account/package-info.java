/**
 * R6, R9: the citizen as the 善美村居 identity token names them, their ride account (opening with
 * consent and an account type, closure), and their credit file.
 *
 * <p><b>Owns</b> {@code citizen_account}, {@code consent_record}. <b>Uses</b> {@code eligibility},
 * {@code redlist} (reading), {@code platform}.
 * <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.account.boundary.AccountClosed}.
 * Refusals to a citizen's requests are {@link cn.gov.shanwei.xinyixing.account.boundary.AccountRefusal}
 * codes, used by the areas above as well.
 */
package cn.gov.shanwei.xinyixing.account;
