package cn.gov.shanwei.xinyixing.payment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofSeconds(600), Duration.ofSeconds(25));

    @Test
    void resendsBackOffFromASecondAndStopAtTheCap() {
        assertEquals(T0.plusSeconds(1), schedule.resend(T0, 1));
        assertEquals(T0.plusSeconds(2), schedule.resend(T0, 2));
        assertEquals(T0.plusSeconds(512), schedule.resend(T0, 10));
        assertEquals(T0.plusSeconds(600), schedule.resend(T0, 11));
        assertEquals(T0.plusSeconds(600), schedule.resend(T0, 10_000), "no overflow, however often");
    }

    @Test
    void theFirstQueryWaitsForTheNotification() {
        assertEquals(T0.plusSeconds(5), schedule.query(T0, 1));
        assertEquals(T0.plusSeconds(10), schedule.query(T0, 2));
        assertEquals(T0.plusSeconds(600), schedule.query(T0, 30));
    }

    @Test
    void aClaimIsLeased() {
        assertEquals(T0.plusSeconds(25), schedule.leaseEnds(T0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO));
    }
}
