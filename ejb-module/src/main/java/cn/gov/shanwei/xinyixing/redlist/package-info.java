/**
 * R1: the personal red list from the credit platform (信用汕尾) — pushed over SOAP and REST or pulled
 * on a timer, all through {@link cn.gov.shanwei.xinyixing.redlist.boundary.RedListIntake}: signature,
 * sequence and every entry checked, the batch applied whole or not at all. Also the red-list
 * categories (R2: data, not code) and their rule kinds.
 *
 * <p><b>Owns</b> {@code redlist_batch}, {@code redlist_entry}, {@code category}. Other areas read them
 * through {@link cn.gov.shanwei.xinyixing.redlist.boundary.RedListEntries}.
 * <b>Uses</b> {@code platform} only: it is the lowest business area.
 * <b>Publishes</b> {@link cn.gov.shanwei.xinyixing.redlist.boundary.EntriesWithdrawn} (a batch removes
 * entries; fired before they are written, in the intake's transaction).
 */
package cn.gov.shanwei.xinyixing.redlist;
