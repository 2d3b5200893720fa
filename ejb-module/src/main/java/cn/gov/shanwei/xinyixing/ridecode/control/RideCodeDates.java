package cn.gov.shanwei.xinyixing.ridecode.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one date encoding of the ride code, used by the certificate expiry date and the entitlement
 * valid-until date.
 *
 * <p>A date is 2 bytes: the unsigned count of days since 1970-01-01 (so 0x0000 = 1970-01-01, 0x5262 =
 * 1970-01-01 + 21090 days = 2027-09-29, the last date is 2149-06-06). A date means "valid through the end of
 * that day" in China Standard Time (UTC+08:00). A day count rather than BCD because every value decodes to a
 * real date (no invalid nibbles to reject) and it reads the same on any platform. The zone is a fixed offset,
 * not a tz-database id, so an embedded validator without tz data gets the same "today" as the server.
 */
public final class RideCodeDates {

    /** China Standard Time, the zone in which date fields are interpreted. */
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);

    /** The last date two bytes can carry. */
    public static final LocalDate MAX = LocalDate.ofEpochDay(0xFFFF);

    private RideCodeDates() {
    }

    /** Today's date in China Standard Time, whatever zone the clock carries. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The UTC+8 day an instant falls on. */
    public static LocalDate dayOf(java.time.Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    static int encode(LocalDate date, String name) {
        long days = date.toEpochDay();
        if (days < 0 || days > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be between 1970-01-01 and " + MAX + ": " + date);
        }
        return (int) days;
    }

    static LocalDate decode(int days) {
        return LocalDate.ofEpochDay(days);
    }
}
