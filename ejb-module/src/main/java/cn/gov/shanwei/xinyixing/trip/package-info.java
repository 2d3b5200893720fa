/**
 * R7: buses and rides — bus companies, routes with their fares, validators, and the trip records
 * every fen of subsidy is later claimed from; the citizen's own ride history.
 *
 * <p><b>Owns</b> {@code bus_company}, {@code bus_route}, {@code validator}, {@code trip_record}; other
 * areas read rides through its boundaries. <b>Uses</b> {@code account}, {@code eligibility},
 * {@code platform}. <b>Publishes</b> no events yet.
 */
package cn.gov.shanwei.xinyixing.trip;
