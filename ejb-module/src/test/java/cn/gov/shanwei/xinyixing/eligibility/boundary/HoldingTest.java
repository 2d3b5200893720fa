package cn.gov.shanwei.xinyixing.eligibility.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** An import row holds a plain ID number; printed, it must show only the masked form. */
class HoldingTest {

    private static final String ID_NUMBER = "441502198503120020";

    @Test
    void toStringMasksTheIdNumber() {
        ConcessionRegister.Holding holding = new ConcessionRegister.Holding(ID_NUMBER, "ELDERLY", "03",
                LocalDate.of(2020, 1, 1), null);

        String text = holding.toString();

        assertFalse(text.contains(ID_NUMBER), text);
        assertFalse(text.contains("19850312"), "not even the birth date: " + text);
        assertEquals("Holding[4415**********0020, ELDERLY, 03, 2020-01-01..null]", text);
    }

    @Test
    void toStringOfARowWithoutNumberDoesNotFail() {
        assertEquals("Holding[, ELDERLY, 03, null..null]",
                new ConcessionRegister.Holding(null, "ELDERLY", "03", null, null).toString());
    }
}
