package cn.gov.shanwei.xinyixing.trip.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The plain rules behind the fraud flags, kept apart from the queries that feed them so they are tested
 * without a database. Thresholds are deliberately generous: a flag asks a person to look, so a false
 * alarm costs a reviewer's minute, a missed one costs the city money.
 */
public final class JourneyRules {

    /** Shanwei's clock: service hours are local times. */
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    /** Nobody leaves one bus and boards another on a different route within this. */
    public static final Duration MIN_BETWEEN_BUSES = Duration.ofMinutes(2);
    /** A validator's clock may wobble this much between consecutive serials without being "backwards". */
    public static final Duration CLOCK_WOBBLE = Duration.ofMinutes(5);
    /** A day is "far from history" beyond this share above or below the mean of its history. */
    public static final int VOLUME_DEVIATION_PERCENT = 50;
    /** Days of history needed before a company's volume is judged at all. */
    public static final int MIN_HISTORY_DAYS = 7;

    private JourneyRules() {
    }

    /** Two taps of one account on two validators closer than a transfer can be. */
    public static boolean impossiblyClose(Instant first, Instant second) {
        return Duration.between(first, second).abs().compareTo(MIN_BETWEEN_BUSES) < 0;
    }

    /** Outside [starts, ends] in local time; a service past midnight (ends before starts) wraps. */
    public static boolean outsideServiceHours(Instant riddenAt, LocalTime starts, LocalTime ends) {
        if (starts == null || ends == null) {
            return false;
        }
        LocalTime local = riddenAt.atOffset(ZONE).toLocalTime();
        boolean inside = starts.isBefore(ends) || starts.equals(ends)
                ? !local.isBefore(starts) && !local.isAfter(ends)
                : !local.isBefore(starts) || !local.isAfter(ends);
        return !inside;
    }

    /** A later serial scanned clearly earlier than the serial before it. */
    public static boolean backwards(Instant previousSerialAt, Instant thisSerialAt) {
        return thisSerialAt.isBefore(previousSerialAt.minus(CLOCK_WOBBLE));
    }

    /** A day's rides far from the mean of the days before it (when there are enough of them). */
    public static boolean farFromHistory(long day, long historyTotal, int historyDays) {
        if (historyDays < MIN_HISTORY_DAYS || historyTotal == 0) {
            return false;
        }
        // |day − mean| > mean × p%, in integers: |day × n − total| × 100 > total × p
        long deviation = Math.abs(day * historyDays - historyTotal);
        return deviation * 100 > historyTotal * VOLUME_DEVIATION_PERCENT;
    }
}
