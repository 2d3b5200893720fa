package cn.gov.shanwei.xinyixing.trip.boundary;

import jakarta.ejb.ApplicationException;

/** A refused validator, network or trip request; see {@link TripRefusal}. */
@ApplicationException(rollback = true)
public class TripRefused extends RuntimeException {

    private final TripRefusal refusal;

    public TripRefused(TripRefusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public TripRefusal refusal() {
        return refusal;
    }
}
