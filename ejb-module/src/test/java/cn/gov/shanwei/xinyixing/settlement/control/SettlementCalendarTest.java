package cn.gov.shanwei.xinyixing.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettlementCalendarTest {

    private static final ZoneId SHANWEI = ZoneId.of("Asia/Shanghai");
    private final SettlementCalendar calendar = new SettlementCalendar(Year.of(2026), SHANWEI);

    private static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SHANWEI).toInstant();
    }

    @Test
    void theYearIsDueWhenTheJanuaryTimerShouldHaveFired() {
        assertEquals(at("2027-01-02T02:00"), calendar.dueAt(Year.of(2026)));
        assertEquals(List.of(), calendar.overdue(at("2027-01-02T01:59:59"), Set.of()));
        assertEquals(List.of(Year.of(2026)), calendar.overdue(at("2027-01-02T02:00"), Set.of()));
    }

    @Test
    void aYearWhoseRunCouldNotHappenStaysOverdueUntilAVersionCompletes() {
        // The database was down at 02:00 on 2 January: nothing completed, the year is overdue days later
        assertEquals(List.of(Year.of(2026)), calendar.overdue(at("2027-01-20T10:00"), Set.of()));
        assertEquals(List.of(), calendar.overdue(at("2027-01-20T10:00"), Set.of(2026)));
    }

    @Test
    void noYearIsSkippedSilentlyAndYearsBeforeThePolicyAreNeverDue() {
        assertEquals(List.of(Year.of(2026), Year.of(2027)), calendar.overdue(at("2028-03-01T00:00"), Set.of()));
        assertEquals(List.of(Year.of(2027)), calendar.overdue(at("2028-03-01T00:00"), Set.of(2026)));
        assertEquals(List.of(), calendar.overdue(at("2026-06-01T00:00"), Set.of()));
    }
}
