package cn.gov.shanwei.xinyixing.eligibility.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The operator's import row as received holds a plain ID number; printed, it shows only the mask. */
class HoldingRequestTest {

    @Test
    void toStringMasksTheIdNumberAndTheRowKeepsIt() {
        ConcessionResource.HoldingRequest row = new ConcessionResource.HoldingRequest("44150219850312002X", "ELDERLY",
                "03", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31));

        assertFalse(row.toString().contains("198503"), row.toString());
        assertEquals("HoldingRequest[4415**********002X, ELDERLY, 03, 2020-01-01..2030-12-31]", row.toString());
        assertEquals("44150219850312002X", row.holding().idNumber(), "the register still gets the number itself");
    }
}
