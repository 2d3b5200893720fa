package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.entity.ChargeState;

/**
 * Fired synchronously, in the transaction that records it, whenever a trip's charge is opened or
 * reaches a new state: the trip area keeps a copy on the trip's row, which the subsidy rule
 * ({@code trip_outcome}) reads so that a year's settlement is one scan of the trips.
 */
public record ChargeStateReached(long tripId, ChargeState state) {
}
