package cn.gov.shanwei.xinyixing.payment.control;

import java.time.Instant;

/**
 * What the platform said about an order or a repayment, to a request or a query.
 *
 * @param code          the platform's code for a failure (e.g. {@code NOT_ENOUGH}, {@code CONTRACT_NOT_EXIST})
 * @param transactionId the platform's own id of the payment, once it succeeded
 * @param paidAt        the platform's success time, once it succeeded and the platform said when
 *                      ({@code null} otherwise): it decides which day's bill the payment is on
 */
public record PlatformAnswer(Kind kind, String code, String transactionId, Instant paidAt) {

    public PlatformAnswer(Kind kind, String code, String transactionId) {
        this(kind, code, transactionId, null);
    }

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
