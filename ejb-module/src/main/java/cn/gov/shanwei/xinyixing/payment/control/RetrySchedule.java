package cn.gov.shanwei.xinyixing.payment.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When to look at an order again. A re-send after silence backs off exponentially from a second up
 * to {@code cap}, so a platform that is down is not hammered and one that is back is reached soon;
 * an accepted order is first asked about after {@code firstQuery} (time for the notification to
 * come, which then makes the query unnecessary), then ever less often up to {@code cap}. A claim
 * holds a row for {@code lease}: longer than a call can take, so two instances never send the same
 * order at once, short enough that a dead instance's orders are soon taken up by another.
 */
public record RetrySchedule(Duration firstQuery, Duration cap, Duration lease) {

    public RetrySchedule {
        if (firstQuery.isNegative() || cap.compareTo(Duration.ofSeconds(1)) < 0 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("schedule " + firstQuery + " " + cap + " " + lease);
        }
    }

    /** After the {@code attempts}-th try went unanswered (1 = the first). */
    public Instant resend(Instant now, int attempts) {
        return now.plus(backoff(Duration.ofSeconds(1), attempts));
    }

    /** After the {@code attempts}-th look found the order accepted or still processing. */
    public Instant query(Instant now, int attempts) {
        return now.plus(backoff(firstQuery.isZero() ? Duration.ofSeconds(1) : firstQuery, attempts));
    }

    public Instant leaseEnds(Instant now) {
        return now.plus(lease);
    }

    private Duration backoff(Duration base, int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
