package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RideCodeDatesTest {

    @Test
    void daysCountFrom1970() {
        assertEquals(LocalDate.of(1970, 1, 1), RideCodeDates.decode(0));
        assertEquals(LocalDate.of(2149, 6, 6), RideCodeDates.decode(0xFFFF));
        assertEquals(21183, RideCodeDates.encode(LocalDate.of(2027, 12, 31), "d"));
        assertThrows(IllegalArgumentException.class, () -> RideCodeDates.encode(LocalDate.of(2149, 6, 7), "d"));
    }

    @Test
    void todayIsTheChinaStandardTimeDateWhateverTheClockZone() {
        // 16:00 UTC on the 26th is midnight on the 27th in Shanwei
        Clock beforeMidnight = Clock.fixed(Instant.parse("2026-11-26T15:59:59Z"), ZoneOffset.UTC);
        Clock atMidnight = Clock.fixed(Instant.parse("2026-11-26T16:00:00Z"), ZoneOffset.ofHours(-5));
        assertEquals(LocalDate.of(2026, 11, 26), RideCodeDates.today(beforeMidnight));
        assertEquals(LocalDate.of(2026, 11, 27), RideCodeDates.today(atMidnight));
    }
}
