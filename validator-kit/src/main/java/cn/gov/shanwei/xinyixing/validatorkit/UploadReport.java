package cn.gov.shanwei.xinyixing.validatorkit;

import java.util.List;

/**
 * What one {@link Uploader#upload()} did.
 *
 * @param batches   requests that got an answer
 * @param sent      records in those requests
 * @param deleted   records the server listed as deletable, now gone from the upload queue
 * @param invalid   records the server refused as {@code INVALID}: kept, and not sent again in this run
 * @param pending   records still waiting after this run
 * @param problem   why the run stopped early (server unavailable, a 4xx), or {@code null}
 * @param refusals  the INVALID results, for the vendor's log
 */
public record UploadReport(int batches, int sent, int stored, int duplicate, int conflict, int invalid, int deleted,
        int pending, String problem, List<UploadResult> refusals) {

    /** One per-record answer of the server. */
    public record UploadResult(long serial, String status, String code, String message, Long tripId) {
    }

    public boolean complete() {
        return problem == null && pending == invalid;
    }
}
