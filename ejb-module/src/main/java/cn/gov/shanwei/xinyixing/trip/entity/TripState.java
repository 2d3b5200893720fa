package cn.gov.shanwei.xinyixing.trip.entity;

/**
 * Where a trip stands. Only {@link #ACCEPTED} trips are charged and may be subsidised; the other two
 * are kept so that every tap a validator made can be reconciled.
 */
public enum TripState {
    /** The server verified the code and priced the ride. */
    ACCEPTED,
    /** The server refused the code; the trip keeps the reason. */
    REFUSED,
    /** Uploaded by an offline validator; the server has not verified it yet. */
    PENDING,
    /** Uploaded, but its route had no fare on the day of the ride: the fare table needs correcting. */
    UNPRICED
}
