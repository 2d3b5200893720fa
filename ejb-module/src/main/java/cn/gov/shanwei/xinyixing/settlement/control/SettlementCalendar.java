package cn.gov.shanwei.xinyixing.settlement.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a year's settlement is due, and which years are overdue. R10 wants the previous year's package
 * by the end of January; the run is due once the January timer should have fired (2 January, 02:00
 * Shanwei time), so a year whose timer could not run — the database was down at 02:00, the server was
 * off — is overdue from then until a version of it completes. Years before the first settled year
 * (the policy started in 2026) are never due.
 */
public final class SettlementCalendar {

    private final Year firstYear;
    private final ZoneId zone;

    public SettlementCalendar(Year firstYear, ZoneId zone) {
        this.firstYear = firstYear;
        this.zone = zone;
    }

    /** The moment the January timer settles {@code year}: 2 January of the next year, 02:00. */
    public Instant dueAt(Year year) {
        return LocalDateTime.of(year.getValue() + 1, 1, 2, 2, 0).atZone(zone).toInstant();
    }

    /** Every settled-able year that is due by {@code now} and has no completed version, oldest first. */
    public List<Year> overdue(Instant now, Set<Integer> completedYears) {
        List<Year> years = new ArrayList<>();
        for (Year year = firstYear; !dueAt(year).isAfter(now); year = year.plusYears(1)) {
            if (!completedYears.contains(year.getValue())) {
                years.add(year);
            }
        }
        return years;
    }
}
