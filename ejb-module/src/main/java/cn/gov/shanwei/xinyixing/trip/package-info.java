/**
 * R7, R15: buses and rides — bus companies, routes with their fare tables and service hours, validators
 * with their own signing secrets, and the trip records every fen of subsidy is later claimed from: the
 * online scan written as a trip before it is answered, offline uploads stored once per (device, serial)
 * and verified again by the server, and the fraud flags raised over them. Also the citizen's own ride
 * history and the usage feedback (联合奖惩反馈) for the credit platform.
 *
 * <p><b>Owns</b> {@code bus_company}, {@code bus_route}, {@code route_fare}, {@code validator},
 * {@code validator_nonce}, {@code trip_record}, {@code trip_upload}, {@code trip_flag},
 * {@code trip_flag_watermark}, {@code feedback_access}; other areas read rides through its boundaries.
 * <b>Uses</b> {@code ridecode} (the verifier, keys and blacklist), {@code account}, {@code eligibility}
 * (the policy version of a ride's day), {@code redlist} (reading), {@code access} (roles),
 * {@code payment} ({@code Charges.owe}), {@code platform}. <b>Publishes</b> no events yet: a trip's charge is owed by a direct call, in the trip's
 * own transaction, so that no accepted ride can exist without its debt. <b>Observes</b> {@code ChargeStateReached},
 * keeping each trip's copy of its charge state on {@code trip_record} (with the {@code flagged} mark it sets
 * itself), which the subsidy rule reads.
 */
package cn.gov.shanwei.xinyixing.trip;
