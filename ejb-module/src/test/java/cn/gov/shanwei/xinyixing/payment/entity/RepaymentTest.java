package cn.gov.shanwei.xinyixing.payment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A repayment: sent, taken, and final once; a repeat of the result changes nothing. */
class RepaymentTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    private static Repayment fresh() {
        return new Repayment("ab".repeat(16), 7L, "C1", 450, 3, T0);
    }

    @Test
    void succeedsOnce() {
        Repayment r = fresh();
        assertEquals(Repayment.State.REQUESTED, r.state());
        assertTrue(r.accepted(T0.plusSeconds(5)));
        assertTrue(r.succeeded(T0.plusSeconds(6)));
        assertFalse(r.succeeded(T0.plusSeconds(7)), "a duplicate notification or query changes nothing");
        assertFalse(r.failed("NOT_ENOUGH", T0.plusSeconds(8)), "nor does a late failure");
        assertFalse(r.accepted(T0.plusSeconds(9)), "nor a late reply");
        assertEquals(Repayment.State.SUCCEEDED, r.state());
    }

    @Test
    void silenceLeavesItToBeSentAgain() {
        Repayment r = fresh();
        r.notReceived(T0.plusSeconds(2));
        assertEquals(Repayment.State.REQUESTED, r.state());
        assertTrue(r.failed("NOT_ENOUGH", T0.plusSeconds(3)));
        assertEquals("NOT_ENOUGH", r.failReason());
        assertFalse(r.state().pending());
    }
}
