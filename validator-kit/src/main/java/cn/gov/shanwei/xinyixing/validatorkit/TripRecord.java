package cn.gov.shanwei.xinyixing.validatorkit;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan as the validator keeps it until the server has committed it: exactly the fields of an offline
 * upload record.
 *
 * @param serial    the device's transaction serial, monotonic per device, never reused
 * @param code      the raw ride-code bytes as scanned (uploaded as Base64)
 * @param scannedAt when the scan happened, by the validator's clock
 * @param routeNo   the route the bus was on
 * @param fareFen   the undiscounted fare the validator applied
 * @param verdict   the validator's own verdict: a {@code RideCodeReason} name ({@code OK} for accepted)
 */
public record TripRecord(long serial, byte[] code, Instant scannedAt, String routeNo, int fareFen, String verdict) {

    public TripRecord {
        if (serial < 0) {
            throw new IllegalArgumentException("serial must not be negative: " + serial);
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(scannedAt, "scannedAt");
        Objects.requireNonNull(routeNo, "routeNo");
        Objects.requireNonNull(verdict, "verdict");
    }
}
