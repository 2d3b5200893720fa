package cn.gov.shanwei.xinyixing.payment.control;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/**
 * A payment platform that holds citizens' password-free payment agreements. Shaped after WeChat
 * Pay's ride-code deduction (委托代扣) and Alipay's 代扣: a pre-sign request answered with a page
 * where the citizen confirms, then the platform's asynchronous signed notification; per ride a
 * deduction order under our order number, which the platform only <em>accepts</em> when it answers
 * (the result comes later, by notification on success, by order query in every case); a repayment
 * that collects several failed orders at once; and the user's state, independent of the contract.
 * One implementation speaks HTTP; another platform (Alipay, UnionPay) would be a second.
 *
 * <p>The collection calls never throw for the platform's silence: a timeout, an unreachable
 * platform or a 5xx completes with {@link PlatformAnswer.Kind#NO_ANSWER}, so the caller sends the
 * same order again later.
 */
public interface PaymentChannel {

    /** The page where the citizen confirms the agreement, for a request of ours. */
    String requestSigning(String requestNo, String paymentAccountNo, String notifyUrl);

    /** Ends an agreement at the platform (the citizen cancelled it here). */
    void terminate(String contractId);

    /** Sends a deduction order; the same order number again is the same order to the platform. */
    CompletableFuture<PlatformAnswer> deduct(DeductionOrder order);

    /** What the platform knows about one of our deduction orders. */
    CompletableFuture<PlatformAnswer> queryDeduction(String orderNo);

    /** Asks the platform to collect several failed orders at once. */
    CompletableFuture<PlatformAnswer> repay(RepaymentOrder order);

    /** What the platform knows about one of our repayments. */
    CompletableFuture<PlatformAnswer> queryRepayment(String repaymentNo);

    /** The user's state at the platform (NORMAL, BLOCKED, OVERDUE), whatever the contract's. */
    CompletableFuture<UserState> userState(String contractId);

    /** The platform's bill of one day (its payments by success time), as downloaded; never throws for silence. */
    BillDownload bill(LocalDate billDate);
}
