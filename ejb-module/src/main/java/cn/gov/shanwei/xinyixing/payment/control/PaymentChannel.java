package cn.gov.shanwei.xinyixing.payment.control;

/**
 * A payment platform that holds citizens' password-free payment agreements. Shaped after WeChat
 * Pay's ride-code deduction (委托代扣): a pre-sign request answered with a page where the citizen
 * confirms, then the platform's asynchronous signed notification; and per ride a deduction that
 * states the original and the charged amount. One implementation speaks HTTP; another platform
 * (Alipay, UnionPay) would be a second.
 */
public interface PaymentChannel {

    /** The page where the citizen confirms the agreement, for a request of ours. */
    String requestSigning(String requestNo, String paymentAccountNo, String notifyUrl);

    /** Ends an agreement at the platform (the citizen cancelled it here). */
    void terminate(String contractId);
}
