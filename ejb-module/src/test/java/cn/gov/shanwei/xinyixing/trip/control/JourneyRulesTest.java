package cn.gov.shanwei.xinyixing.trip.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class JourneyRulesTest {

    private static final Instant T = Instant.parse("2026-12-02T02:00:00Z"); // 10:00 in Shanwei

    @Test
    void twoBusesWithinTwoMinutesAreImpossibleAndTwoMinutesApartAreNot() {
        assertTrue(JourneyRules.impossiblyClose(T, T.plusSeconds(119)));
        assertTrue(JourneyRules.impossiblyClose(T.plusSeconds(119), T));
        assertFalse(JourneyRules.impossiblyClose(T, T.plusSeconds(120)));
    }

    @Test
    void serviceHoursAreLocalAndInclusiveAndMayWrapPastMidnight() {
        LocalTime six = LocalTime.of(6, 0);
        LocalTime halfTen = LocalTime.of(22, 30);
        assertFalse(JourneyRules.outsideServiceHours(T, six, halfTen));
        assertFalse(JourneyRules.outsideServiceHours(Instant.parse("2026-12-01T22:00:00Z"), six, halfTen)); // 06:00
        assertTrue(JourneyRules.outsideServiceHours(Instant.parse("2026-12-01T21:59:59Z"), six, halfTen)); // 05:59:59
        assertTrue(JourneyRules.outsideServiceHours(Instant.parse("2026-12-02T14:31:00Z"), six, halfTen)); // 22:31
        // a night route 22:00–02:00
        assertFalse(JourneyRules.outsideServiceHours(Instant.parse("2026-12-02T17:00:00Z"), LocalTime.of(22, 0), LocalTime.of(2, 0)));
        assertTrue(JourneyRules.outsideServiceHours(T, LocalTime.of(22, 0), LocalTime.of(2, 0)));
        assertFalse(JourneyRules.outsideServiceHours(T, null, null), "no timetable, no flag");
    }

    @Test
    void serialsGoBackwardsOnlyBeyondTheClockWobble() {
        assertFalse(JourneyRules.backwards(T, T.minusSeconds(299)));
        assertTrue(JourneyRules.backwards(T, T.minusSeconds(301)));
        assertFalse(JourneyRules.backwards(T, T.plusSeconds(3600)));
    }

    @Test
    void aDayIsFarFromHistoryBeyondHalfTheMean() {
        // mean 1000 over 10 days
        assertFalse(JourneyRules.farFromHistory(1500, 10_000, 10));
        assertTrue(JourneyRules.farFromHistory(1501, 10_000, 10));
        assertFalse(JourneyRules.farFromHistory(500, 10_000, 10));
        assertTrue(JourneyRules.farFromHistory(499, 10_000, 10));
        assertFalse(JourneyRules.farFromHistory(0, 10_000, 6), "too little history to judge");
    }
}
