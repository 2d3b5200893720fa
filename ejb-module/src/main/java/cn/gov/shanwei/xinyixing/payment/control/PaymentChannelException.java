package cn.gov.shanwei.xinyixing.payment.control;

/** The payment platform could not be reached or refused a request. */
public class PaymentChannelException extends RuntimeException {

    public PaymentChannelException(String message) {
        super(message);
    }
}
