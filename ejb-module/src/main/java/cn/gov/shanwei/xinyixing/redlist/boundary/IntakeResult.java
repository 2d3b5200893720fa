package cn.gov.shanwei.xinyixing.redlist.boundary;

/**
 * The acknowledgement of a batch: applied now, or already applied earlier (a re-sent identical
 * batch), with the counts of what it added, changed and removed.
 */
public record IntakeResult(Outcome outcome, String batchId, long sequenceNo, int added, int changed, int removed) {

    public enum Outcome { APPLIED, ALREADY_APPLIED }
}
