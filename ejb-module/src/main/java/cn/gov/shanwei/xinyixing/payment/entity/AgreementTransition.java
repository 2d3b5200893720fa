package cn.gov.shanwei.xinyixing.payment.entity;

import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every change a payment agreement may go through; any pair of status and event not listed here
 * makes no sense and is refused. REFUSED and CANCELLED are final: a new agreement is signed
 * afresh. A blocked agreement is reactivated only by the platform's {@code ACCOUNT_UNFROZEN},
 * never by a (replayed) {@code CONTRACT_SIGNED}.
 */
public enum AgreementTransition {
    SIGNED(Status.PENDING, AgreementEvent.CONTRACT_SIGNED, Status.ACTIVE),
    REFUSED(Status.PENDING, AgreementEvent.CONTRACT_REFUSED, Status.REFUSED),
    FROZEN(Status.ACTIVE, AgreementEvent.ACCOUNT_FROZEN, Status.BLOCKED),
    IN_ARREARS(Status.ACTIVE, AgreementEvent.ARREARS, Status.BLOCKED),
    TERMINATED(Status.ACTIVE, AgreementEvent.CONTRACT_TERMINATED, Status.CANCELLED),
    CANCELLED_BY_CITIZEN(Status.ACTIVE, AgreementEvent.CANCELLED_BY_CITIZEN, Status.CANCELLED),
    // A second reason to block (frozen and in arrears) keeps it blocked; one unfreeze clears it
    FROZEN_WHILE_BLOCKED(Status.BLOCKED, AgreementEvent.ACCOUNT_FROZEN, Status.BLOCKED),
    IN_ARREARS_WHILE_BLOCKED(Status.BLOCKED, AgreementEvent.ARREARS, Status.BLOCKED),
    UNFROZEN(Status.BLOCKED, AgreementEvent.ACCOUNT_UNFROZEN, Status.ACTIVE),
    TERMINATED_WHILE_BLOCKED(Status.BLOCKED, AgreementEvent.CONTRACT_TERMINATED, Status.CANCELLED),
    CANCELLED_BY_CITIZEN_WHILE_BLOCKED(Status.BLOCKED, AgreementEvent.CANCELLED_BY_CITIZEN, Status.CANCELLED);

    private final Status from;
    private final AgreementEvent event;
    private final Status to;

    AgreementTransition(Status from, AgreementEvent event, Status to) {
        this.from = from;
        this.event = event;
        this.to = to;
    }

    /** The transition the event causes from this status, or empty if it makes no sense there. */
    public static Optional<AgreementTransition> of(Status from, AgreementEvent event) {
        return Arrays.stream(values()).filter(t -> t.from == from && t.event == event).findFirst();
    }

    public Status from() {
        return from;
    }

    public AgreementEvent event() {
        return event;
    }

    public Status to() {
        return to;
    }

    /** Whether the agreement stops allowing payments by this transition (it was not stopped before). */
    public boolean stops() {
        return from == Status.ACTIVE && (to == Status.BLOCKED || to == Status.CANCELLED)
                || from == Status.BLOCKED && to == Status.CANCELLED;
    }
}
