package cn.gov.shanwei.xinyixing.payment.entity;

import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.ACCOUNT_FROZEN;
import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.ACCOUNT_UNFROZEN;
import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.ARREARS;
import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.CANCELLED_BY_CITIZEN;
import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.CONTRACT_REFUSED;
import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.CONTRACT_SIGNED;
import static cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent.CONTRACT_TERMINATED;
import static cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status.ACTIVE;
import static cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status.BLOCKED;
import static cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status.CANCELLED;
import static cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status.PENDING;
import static cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agreement's state machine: every status against every event, allowed or refused. */
class PaymentAgreementStateTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    /** The expected table, written out independently of {@link AgreementTransition}. */
    private static final Map<Status, Map<AgreementEvent, Status>> ALLOWED = new EnumMap<>(Status.class);

    static {
        for (Status s : Status.values()) {
            ALLOWED.put(s, new EnumMap<>(AgreementEvent.class));
        }
        ALLOWED.get(PENDING).put(CONTRACT_SIGNED, ACTIVE);
        ALLOWED.get(PENDING).put(CONTRACT_REFUSED, REFUSED);
        ALLOWED.get(ACTIVE).put(ACCOUNT_FROZEN, BLOCKED);
        ALLOWED.get(ACTIVE).put(ARREARS, BLOCKED);
        ALLOWED.get(ACTIVE).put(CONTRACT_TERMINATED, CANCELLED);
        ALLOWED.get(ACTIVE).put(CANCELLED_BY_CITIZEN, CANCELLED);
        ALLOWED.get(BLOCKED).put(ACCOUNT_FROZEN, BLOCKED);
        ALLOWED.get(BLOCKED).put(ARREARS, BLOCKED);
        ALLOWED.get(BLOCKED).put(ACCOUNT_UNFROZEN, ACTIVE);
        ALLOWED.get(BLOCKED).put(CONTRACT_TERMINATED, CANCELLED);
        ALLOWED.get(BLOCKED).put(CANCELLED_BY_CITIZEN, CANCELLED);
    }

    /** Drives a fresh agreement into the given status through allowed platform events. */
    private static PaymentAgreement in(Status status) {
        PaymentAgreement agreement = new PaymentAgreement(7L, "r".repeat(32), T0);
        List<AgreementEvent> path = switch (status) {
            case PENDING -> List.of();
            case ACTIVE -> List.of(CONTRACT_SIGNED);
            case REFUSED -> List.of(CONTRACT_REFUSED);
            case BLOCKED -> List.of(CONTRACT_SIGNED, ACCOUNT_FROZEN);
            case CANCELLED -> List.of(CONTRACT_SIGNED, CONTRACT_TERMINATED);
        };
        Instant t = T0;
        for (AgreementEvent event : path) {
            t = t.plusSeconds(1);
            assertEquals(NotificationOutcome.APPLIED, agreement.apply(event, "C1", t, t).outcome());
        }
        assertEquals(status, agreement.status());
        return agreement;
    }

    @Test
    void everyStatusAgainstEveryEventFollowsTheTable() {
        int allowed = 0;
        int refused = 0;
        for (Status from : Status.values()) {
            for (AgreementEvent event : AgreementEvent.values()) {
                PaymentAgreement agreement = in(from);
                Status expected = ALLOWED.get(from).get(event);
                Instant later = T0.plusSeconds(100);
                if (event == CANCELLED_BY_CITIZEN) {
                    Optional<AgreementTransition> t = agreement.cancelByCitizen(later);
                    assertEquals(expected != null, t.isPresent(), from + " cancelled by citizen");
                } else {
                    PaymentAgreement.Applied applied = agreement.apply(event, null, later, later);
                    assertEquals(expected != null ? NotificationOutcome.APPLIED : NotificationOutcome.TRANSITION_REFUSED,
                            applied.outcome(), from + " + " + event);
                }
                assertEquals(expected != null ? expected : from, agreement.status(), from + " + " + event);
                if (expected != null) {
                    allowed++;
                } else {
                    refused++;
                }
            }
        }
        assertEquals(AgreementTransition.values().length, allowed, "each listed transition is reached once");
        assertEquals(Status.values().length * AgreementEvent.values().length - allowed, refused);
    }

    @Test
    void refusedAndCancelledAreFinal() {
        for (Status terminal : List.of(REFUSED, CANCELLED)) {
            for (AgreementEvent event : AgreementEvent.values()) {
                assertTrue(AgreementTransition.of(terminal, event).isEmpty(), terminal + " + " + event);
            }
        }
    }

    @Test
    void aReplayedSigningDoesNotReactivateABlockedOrCancelledAgreement() {
        PaymentAgreement blocked = in(BLOCKED);
        assertEquals(NotificationOutcome.TRANSITION_REFUSED,
                blocked.apply(CONTRACT_SIGNED, "C2", T0.plusSeconds(60), T0.plusSeconds(60)).outcome());
        assertEquals(BLOCKED, blocked.status());
        assertEquals("C1", blocked.contractId(), "a refused event changes nothing, not even the contract");

        PaymentAgreement cancelled = in(ACTIVE);
        assertTrue(cancelled.cancelByCitizen(T0.plusSeconds(10)).isPresent());
        assertEquals(NotificationOutcome.TRANSITION_REFUSED,
                cancelled.apply(CONTRACT_SIGNED, "C1", T0.plusSeconds(60), T0.plusSeconds(60)).outcome());
        assertEquals(CANCELLED, cancelled.status());
    }

    @Test
    void anEventOlderThanTheLastAppliedIsStale() {
        PaymentAgreement agreement = in(ACTIVE);
        agreement.apply(ACCOUNT_FROZEN, null, T0.plusSeconds(50), T0.plusSeconds(50));
        // The unfreeze happened before the freeze: arriving late, it must not unblock
        PaymentAgreement.Applied late = agreement.apply(ACCOUNT_UNFROZEN, null, T0.plusSeconds(40), T0.plusSeconds(51));
        assertEquals(NotificationOutcome.STALE, late.outcome());
        assertTrue(late.transition().isEmpty());
        assertEquals(BLOCKED, agreement.status());
        assertEquals(NotificationOutcome.APPLIED,
                agreement.apply(ACCOUNT_UNFROZEN, null, T0.plusSeconds(50), T0.plusSeconds(52)).outcome(),
                "an event at the same time as the last is not older");
        assertEquals(ACTIVE, agreement.status());
    }

    @Test
    void onlyEnteringBlockedOrCancelledStopsTheAgreement() {
        for (AgreementTransition t : AgreementTransition.values()) {
            boolean entersStop = t.from() != t.to() && (t.to() == BLOCKED || t.to() == CANCELLED);
            assertEquals(entersStop, t.stops(), t.name());
        }
        assertFalse(AgreementTransition.FROZEN_WHILE_BLOCKED.stops(), "already stopped: told once");
    }

    @Test
    void thePlatformCannotSendTheCitizensCancellation() {
        assertTrue(AgreementEvent.fromPlatform("CANCELLED_BY_CITIZEN").isEmpty());
        assertTrue(AgreementEvent.fromPlatform("contract_signed").isEmpty());
        assertTrue(AgreementEvent.fromPlatform(null).isEmpty());
        assertEquals(Optional.of(ARREARS), AgreementEvent.fromPlatform("ARREARS"));
    }
}
