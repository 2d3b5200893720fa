package cn.gov.shanwei.xinyixing.validatorkit;

/**
 * The validator's answer to one scan, as it shows it to the passenger and keeps it.
 *
 * @param serial        the device serial the scan was stored under
 * @param reason        {@code OK} or a {@code RideCodeReason} name
 * @param message       "中文 / English"
 * @param originalFen   fare before discount; {@code null} unless accepted
 * @param tripId        the server's trip id; only for an online answer
 * @param source        who decided
 * @param fallbackCause for {@link Source#OFFLINE_FALLBACK}: why the server's answer was not had
 */
public record Scan(long serial, String reason, String message, Integer originalFen, Integer discountFen,
        Integer chargedFen, Long tripId, Source source, String fallbackCause) {

    public enum Source {
        /** verified on the validator; stored for upload */
        OFFLINE,
        /** the server's answer to {@code POST /scan}; the server holds the trip */
        ONLINE,
        /** online was asked for but the server could not answer; decided on the validator and stored for upload */
        OFFLINE_FALLBACK
    }

    public boolean ok() {
        return "OK".equals(reason);
    }
}
