package cn.gov.shanwei.xinyixing.eligibility.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConcessionHoldingTest {

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);

    @Test
    void heldBetweenItsDatesInclusive() {
        ConcessionHolding h = new ConcessionHolding(ConcessionType.STUDENT, FROM, LocalDate.of(2026, 8, 31), "03");
        assertFalse(h.heldOn(FROM.minusDays(1)));
        assertTrue(h.heldOn(FROM));
        assertTrue(h.heldOn(LocalDate.of(2026, 8, 31)));
        assertFalse(h.heldOn(LocalDate.of(2026, 9, 1)));
    }

    @Test
    void anOpenHoldingNeverLapses() {
        ConcessionHolding h = new ConcessionHolding(ConcessionType.ELDERLY, FROM, null, "02");
        assertTrue(h.heldOn(LocalDate.of(2099, 12, 31)));
        assertFalse(h.heldOn(FROM.minusDays(1)));
    }

    @Test
    void onlyXinyixingItselfDoesNotExcludeXinyixing() {
        for (ConcessionType t : ConcessionType.values()) {
            assertEquals(t != ConcessionType.XINYIXING, t.excludesXinyixing(), t.name());
            assertFalse(t.nameZh().isBlank());
            assertFalse(t.nameEn().isBlank());
        }
        assertEquals(8, ConcessionType.values().length);
    }

    @Test
    void rejectsReversedDates() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConcessionHolding(ConcessionType.ELDERLY, FROM, FROM.minusDays(1), "02"));
    }
}
