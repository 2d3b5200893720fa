package cn.gov.shanwei.xinyixing.payment.control;

/**
 * What the platform said about an order or a repayment, to a request or a query.
 *
 * @param code          the platform's code for a failure (e.g. {@code NOT_ENOUGH}, {@code CONTRACT_NOT_EXIST})
 * @param transactionId the platform's own id of the payment, once it succeeded
 */
public record PlatformAnswer(Kind kind, String code, String transactionId) {

    public enum Kind {
        /** Taken (the "SUCCESS" reply to an order): not paid yet. */
        ACCEPTED,
        /** A query: taken, still being processed. */
        PROCESSING,
        SUCCEEDED,
        /** Final: refused at once, or failed (insufficient balance, blocked user …). */
        FAILED,
        /** A query: the platform has no such order (our request never reached it). */
        NOT_FOUND,
        /** Timeout, unreachable, or a server error: nothing is known; ask again, same number. */
        NO_ANSWER
    }

    public static PlatformAnswer of(Kind kind) {
        return new PlatformAnswer(kind, null, null);
    }

    public static PlatformAnswer failed(String code) {
        return new PlatformAnswer(Kind.FAILED, code, null);
    }
}
