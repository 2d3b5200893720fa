/**
 * R7: buses and rides — bus companies, routes with their fares, validators, and the trip records
 * every fen of subsidy is later claimed from; the citizen's own ride history; and the usage feedback
 * (联合奖惩反馈) that tells the credit platform how many discounted rides each listed person took.
 *
 * <p><b>Owns</b> {@code bus_company}, {@code bus_route}, {@code validator}, {@code trip_record},
 * {@code feedback_access}; other areas read rides through its boundaries. <b>Uses</b> {@code account},
 * {@code eligibility}, {@code redlist} (reading), {@code platform}. <b>Publishes</b> no events yet.
 */
package cn.gov.shanwei.xinyixing.trip;
