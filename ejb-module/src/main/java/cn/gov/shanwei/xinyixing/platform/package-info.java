/**
 * The floor every area stands on, and which imports none of them: the one crypto facade (SM2, SM3,
 * HMAC-SM3, SM4), ID-number protection and masking, the clock, persistence helpers and the schema
 * migrations run at start-up.
 *
 * <p><b>Owns</b> {@code flyway_schema_history}. <b>Uses</b> no business area.
 */
package cn.gov.shanwei.xinyixing.platform;
