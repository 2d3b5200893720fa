package cn.gov.shanwei.xinyixing.settlement.control;

import java.time.LocalDateTime;

/**
 * One subsidised ride in the annual detail, as the files show it: no plain personal data (the payment
 * account is masked), money in fen.
 */
public record DetailLine(long tripId, LocalDateTime riddenAt, String companyCode, String routeNo, String deviceId,
                         String maskedAccount, String concession, String ruleVersion,
                         long originalFen, long chargedFen, long discountFen) {
}
