package cn.gov.shanwei.xinyixing.payment.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen to a payment agreement: the payment platform's notification events, and the
 * citizen's own cancellation in the mini-program (which the platform never sends).
 */
public enum AgreementEvent {
    CONTRACT_SIGNED,
    CONTRACT_REFUSED,
    CONTRACT_TERMINATED,
    ACCOUNT_FROZEN,
    ARREARS,
    ACCOUNT_UNFROZEN,
    CANCELLED_BY_CITIZEN;

    /** The event a notification names, if the platform may send it. */
    public static Optional<AgreementEvent> fromPlatform(String name) {
        return Arrays.stream(values()).filter(e -> e != CANCELLED_BY_CITIZEN && e.name().equals(name)).findFirst();
    }
}
