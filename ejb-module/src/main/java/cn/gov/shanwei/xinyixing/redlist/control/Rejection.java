package cn.gov.shanwei.xinyixing.redlist.control;

/**
 * One reason a batch is refused, in a form the platform can act on: which entry, a stable code to program
 * against and a message for people (Chinese, then English). A batch with any rejection is not applied at all.
 *
 * @param entryIndex zero-based index of the entry in the batch, or {@link #WHOLE_BATCH}
 * @param code       the name of a {@link RejectionCode}
 * @param message    Chinese, {@code " / "}, English; never contains an ID number or a name
 */
public record Rejection(int entryIndex, String code, String message) {

    /** The entry index of a rejection about the batch as a whole. */
    public static final int WHOLE_BATCH = -1;

    /** A rejection of the whole batch, with the code's standard message. */
    public static Rejection ofBatch(RejectionCode code) {
        return of(WHOLE_BATCH, code);
    }

    /** A rejection with the code's standard message. */
    public static Rejection of(int entryIndex, RejectionCode code) {
        return new Rejection(entryIndex, code.name(), code.message());
    }

    /**
     * A rejection whose message says more than the code, e.g. which field is missing: {@code 报文不完整：批次号 /
     * The message is incomplete: batch id}. The details must not carry personal data.
     */
    public static Rejection of(int entryIndex, RejectionCode code, String chineseDetail, String englishDetail) {
        return new Rejection(entryIndex, code.name(),
                code.chinese() + "：" + chineseDetail + " / " + code.english() + ": " + englishDetail);
    }

    public boolean isAboutWholeBatch() {
        return entryIndex == WHOLE_BATCH;
    }
}
