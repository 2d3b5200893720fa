package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.IOException;

/**
 * The trip store has a damaged record with complete records after it: not the torn tail a crash leaves but
 * damage to the medium. The store refuses to open rather than drop records the server has never seen; the
 * file is left as it is for the operator.
 */
public final class TripStoreCorruptedException extends IOException {

    private static final long serialVersionUID = 1L;

    public TripStoreCorruptedException(String message) {
        super(message);
    }
}
