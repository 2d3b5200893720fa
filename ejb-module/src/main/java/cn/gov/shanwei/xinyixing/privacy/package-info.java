/**
 * Key rotation of the protected ID numbers. Owns no table of its own: it rewrites, with plain JDBC and
 * only through the {@code id_number_*} columns, the tables that keep an ID number
 * ({@code redlist_entry}, {@code citizen_account}, {@code concession_holding}, {@code trip_record}), so that
 * no business area has to know about keys and none of them has to call another. Uses {@code platform}
 * (the keys, {@code IdNumberProtection}) and {@code access} (the ADMIN role). Publishes no events.
 * Sits above every area that owns one of those tables and below {@code demo}.
 */
package cn.gov.shanwei.xinyixing.privacy;
