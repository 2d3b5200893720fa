package cn.gov.shanwei.xinyixing.payment.control;

/**
 * A daily bill as it came from the platform, before it is read: the body and the digest the platform
 * sent with it, or why there is none.
 *
 * @param detail the platform's code or the transport's failure, when not {@link Status#READY}
 */
public record BillDownload(Status status, byte[] body, String digest, String detail) {

    public enum Status {
        READY,
        /** The platform makes a day's bill the next morning; asked too early, it says so. */
        NOT_READY,
        /** Timeout, unreachable, or an answer that is not a bill: ask again later. */
        NO_ANSWER
    }

    public static BillDownload ready(byte[] body, String digest) {
        return new BillDownload(Status.READY, body, digest, null);
    }

    public static BillDownload of(Status status, String detail) {
        return new BillDownload(status, null, null, detail);
    }
}
