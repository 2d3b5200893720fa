package cn.gov.shanwei.xinyixing.redlist.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchJsonTest {

    private static final BatchMessage BATCH = new BatchMessage("B-1", 7, Instant.parse("2026-11-26T08:00:00Z"), List.of(
            new EntryMessage(Operation.ADD, "441502198503120020", "陈志明", "CHARITY_DONOR",
                    new CategoryDetails(Level.MUNICIPAL, 4000, new BigDecimal("10000.00"), 2, "A"),
                    LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "汕信用〔2026〕1号",
                    Residency.HOUSEHOLD),
            new EntryMessage(Operation.REMOVE, "441501199007071010", null, "BLOOD_DONOR", null, null, null, null, null, null)),
            new byte[64]);

    @Test
    void writtenBatchReadsBackAsTheSameBatch() {
        assertEquals(CanonicalForm.text(BATCH), CanonicalForm.text(BatchJson.read(BatchJson.write(BATCH))));
        assertEquals(64, BatchJson.read(BatchJson.write(BATCH)).signature().length);
    }

    @Test
    void wrongTypesAreReportedWithTheirPlace() {
        BatchJson.MalformedBatchException e = assertThrows(BatchJson.MalformedBatchException.class,
                () -> BatchJson.read("{\"batchId\":\"B\",\"sequenceNo\":1,\"entries\":[{\"bloodMl\":\"lots\"}]}"));
        assertEquals("entries[0].bloodMl is not a whole number", e.getMessage());
        assertTrue(assertThrows(BatchJson.MalformedBatchException.class, () -> BatchJson.read("{oops"))
                .getMessage().startsWith("not JSON"));
        assertThrows(BatchJson.MalformedBatchException.class, () -> BatchJson.read("{\"issuedAt\":\"yesterday\"}"));
        assertThrows(BatchJson.MalformedBatchException.class, () -> BatchJson.read("{\"entries\":[{\"level\":\"GALACTIC\"}]}"));
    }
}
