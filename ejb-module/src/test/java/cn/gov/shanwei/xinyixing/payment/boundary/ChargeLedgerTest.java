package cn.gov.shanwei.xinyixing.payment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.payment.control.PlatformAnswer;
import cn.gov.shanwei.xinyixing.payment.entity.ChargeEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What each answer of the platform means for a charge, and the times read back from native queries. */
class ChargeLedgerTest {

    @Test
    void answersBecomeEvents() {
        assertEquals(ChargeEvent.ACCEPTED, ChargeLedger.eventOf(PlatformAnswer.of(PlatformAnswer.Kind.ACCEPTED)));
        assertEquals(ChargeEvent.ACCEPTED, ChargeLedger.eventOf(PlatformAnswer.of(PlatformAnswer.Kind.PROCESSING)));
        assertEquals(ChargeEvent.SUCCEEDED, ChargeLedger.eventOf(new PlatformAnswer(PlatformAnswer.Kind.SUCCEEDED, null, "1")));
        assertEquals(ChargeEvent.FAILED, ChargeLedger.eventOf(PlatformAnswer.failed("NOT_ENOUGH")));
        // Silence and an order the platform never got both mean: the same order again
        assertEquals(ChargeEvent.NOT_RECEIVED, ChargeLedger.eventOf(PlatformAnswer.of(PlatformAnswer.Kind.NO_ANSWER)));
        assertEquals(ChargeEvent.NOT_RECEIVED, ChargeLedger.eventOf(PlatformAnswer.of(PlatformAnswer.Kind.NOT_FOUND)));
    }

    @Test
    void timesComeBackAsTheyWent() {
        Instant t = Instant.parse("2026-12-02T08:30:01.250Z");
        assertEquals(t, ChargeLedger.instant(Timestamp.from(t)));
        assertEquals(t, ChargeLedger.instant(LocalDateTime.ofInstant(t, ZoneId.systemDefault())));
    }
}
