package cn.gov.shanwei.xinyixing.trip.boundary;

/**
 * One record of an offline validator, as it arrives: every field may be wrong, and each record is judged
 * alone (see {@link Uploads}).
 *
 * @param serial    the device's transaction serial, its key forever
 * @param code      the raw code, Base64
 * @param scannedAt ISO-8601 instant on the device's clock
 * @param routeNo   the route the bus served
 * @param fareFen   the fare the device applied (evidence only: the server prices from its fare table)
 * @param verdict   the device's own decision, a {@code RideCodeReason} name
 */
public record UploadRecord(Long serial, String code, String scannedAt, String routeNo, Integer fareFen, String verdict) {
}
