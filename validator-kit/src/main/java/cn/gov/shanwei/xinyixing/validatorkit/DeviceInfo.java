package cn.gov.shanwei.xinyixing.validatorkit;

/**
 * What the server says about this validator in every sync: where it runs and the fare it charges.
 *
 * @param fareFen the route's current undiscounted fare, integer fen; what offline scans are priced and
 *                recorded at
 */
public record DeviceInfo(String deviceId, String companyCode, String routeNo, int fareFen) {
}
