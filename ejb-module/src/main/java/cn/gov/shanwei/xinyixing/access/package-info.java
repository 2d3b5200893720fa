/**
 * Staff accounts and roles: who may sign in to the staff pages and with which role (PBKDF2 password
 * hashes, never the passwords).
 *
 * <p><b>Owns</b> {@code staff_user}, {@code staff_user_role}. <b>Uses</b> {@code platform}.
 * <b>Publishes</b> no events yet.
 */
package cn.gov.shanwei.xinyixing.access;
