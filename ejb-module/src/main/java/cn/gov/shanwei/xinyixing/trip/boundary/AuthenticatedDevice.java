package cn.gov.shanwei.xinyixing.trip.boundary;

/** The validator a signed request came from, as the use cases behind the signature check need it. */
public record AuthenticatedDevice(long validatorId, String deviceId, long companyId, Long routeId) {
}
