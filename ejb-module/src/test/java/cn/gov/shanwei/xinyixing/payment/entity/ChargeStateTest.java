package cn.gov.shanwei.xinyixing.payment.entity;

import static cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent.ACCEPTED;
import static cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent.FAILED;
import static cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent.NOT_RECEIVED;
import static cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent.REPAID;
import static cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A charge's state machine: every state against every event, and what a change leaves on the row. */
class ChargeStateTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant LATER = T0.plusSeconds(5);

    /** The expected table, written out independently of {@link ChargeTransition}. */
    private static final Map<ChargeState, Map<ChargeEvent, ChargeState>> ALLOWED = new EnumMap<>(ChargeState.class);

    static {
        for (ChargeState s : ChargeState.values()) {
            ALLOWED.put(s, new EnumMap<>(ChargeEvent.class));
        }
        ALLOWED.get(ChargeState.DUE).put(ACCEPTED, ChargeState.ACCEPTED);
        ALLOWED.get(ChargeState.DUE).put(NOT_RECEIVED, ChargeState.DUE);
        ALLOWED.get(ChargeState.DUE).put(SUCCEEDED, ChargeState.PAID);
        ALLOWED.get(ChargeState.DUE).put(FAILED, ChargeState.IN_ARREARS);
        ALLOWED.get(ChargeState.ACCEPTED).put(ACCEPTED, ChargeState.ACCEPTED);
        ALLOWED.get(ChargeState.ACCEPTED).put(NOT_RECEIVED, ChargeState.DUE);
        ALLOWED.get(ChargeState.ACCEPTED).put(SUCCEEDED, ChargeState.PAID);
        ALLOWED.get(ChargeState.ACCEPTED).put(FAILED, ChargeState.IN_ARREARS);
        ALLOWED.get(ChargeState.IN_ARREARS).put(REPAID, ChargeState.REPAID);
        ALLOWED.get(ChargeState.IN_ARREARS).put(SUCCEEDED, ChargeState.PAID);
    }

    private static Charge in(ChargeState state) {
        return new Charge(1L, 10L, 100L, 150, state, "XYXD0000000000000000010");
    }

    @Test
    void everyStateAgainstEveryEvent() {
        for (ChargeState state : ChargeState.values()) {
            for (ChargeEvent event : ChargeEvent.values()) {
                Charge charge = in(state);
                Optional<ChargeTransition> t = charge.apply(event, T0, LATER, "NOT_ENOUGH", null);
                ChargeState expected = ALLOWED.get(state).get(event);
                if (expected == null) {
                    assertTrue(t.isEmpty(), state + " + " + event + " must be refused");
                    assertEquals(state, charge.state(), "a refused event changes nothing");
                } else {
                    assertTrue(t.isPresent(), state + " + " + event);
                    assertEquals(expected, charge.state(), state + " + " + event);
                }
            }
        }
    }

    @Test
    void finalStatesAreNeverLeftByTheDeduction() {
        for (ChargeState end : List.of(ChargeState.PAID, ChargeState.NOTHING_DUE, ChargeState.REPAID)) {
            for (ChargeEvent event : ChargeEvent.values()) {
                assertTrue(in(end).apply(event, T0, LATER, null, null).isEmpty(), end + " + " + event);
            }
        }
    }

    @Test
    void aLateAcceptAfterTheNotificationDoesNotUndoThePayment() {
        Charge charge = in(ChargeState.DUE);
        charge.apply(SUCCEEDED, T0, LATER, null, "42000001");
        assertEquals(ChargeState.PAID, charge.state());
        assertTrue(charge.apply(ACCEPTED, T0, LATER, null, null).isEmpty());
        assertTrue(charge.apply(SUCCEEDED, T0, LATER, null, null).isEmpty(), "a second success is refused");
        assertTrue(charge.apply(FAILED, T0, LATER, "NOT_ENOUGH", null).isEmpty(), "a failure after a success is ignored");
        assertEquals(ChargeState.PAID, charge.state());
        assertNull(charge.dueAt(), "nothing more to send or ask");
    }

    @Test
    void pendingStatesKeepTheNextLookAndFinalOnesDropIt() {
        Charge charge = in(ChargeState.DUE);
        charge.apply(NOT_RECEIVED, T0, LATER, null, null);
        assertEquals(LATER, charge.dueAt(), "sent again later, same order");
        charge.apply(ACCEPTED, T0, LATER.plusSeconds(1), null, null);
        assertEquals(LATER.plusSeconds(1), charge.dueAt(), "asked about later");
        charge.apply(FAILED, T0, LATER, "NOT_ENOUGH", null);
        assertNull(charge.dueAt());
        assertEquals("NOT_ENOUGH", charge.failReason());
    }

    @Test
    void arrearsChangeCountsOrdersEnteringAndLeavingArrears() {
        assertEquals(1, ChargeTransition.FAILED.arrearsChange());
        assertEquals(1, ChargeTransition.REFUSED.arrearsChange());
        assertEquals(-1, ChargeTransition.REPAID.arrearsChange());
        assertEquals(-1, ChargeTransition.COLLECTED_LATE.arrearsChange());
        for (ChargeTransition t : ChargeTransition.values()) {
            boolean touches = t.from() == ChargeState.IN_ARREARS || t.to() == ChargeState.IN_ARREARS;
            assertEquals(touches, t.arrearsChange() != 0, t.name());
        }
    }

    @Test
    void onlyDueAndAcceptedAreUnfinished() {
        for (ChargeState s : ChargeState.values()) {
            assertEquals(s == ChargeState.DUE || s == ChargeState.ACCEPTED, !s.deductionFinal(), s.name());
        }
    }
}
