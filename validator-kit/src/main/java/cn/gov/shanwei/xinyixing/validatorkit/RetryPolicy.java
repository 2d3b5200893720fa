package cn.gov.shanwei.xinyixing.validatorkit;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a request is repeated after a network error, a timeout or a 5xx (also 429):
 * exponential back-off with jitter. Before retry n (1, 2, …) the wait is drawn uniformly from
 * {@code [c/2, c]} with {@code c = min(maxDelay, baseDelay · 2^(n-1))}: growing, bounded, and spread so a fleet
 * of buses that lost the network together does not come back in lockstep.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** For uploads and sync: 8 attempts, 0.5 s doubling to at most 30 s (about a minute and a half in all). */
    public static final RetryPolicy BACKGROUND = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));
    /** For an online scan, where a passenger waits: 2 attempts, 100 ms, then the validator decides offline. */
    public static final RetryPolicy BOARDING = new RetryPolicy(2, Duration.ofMillis(100), Duration.ofMillis(200));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** The wait before retry {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1");
        }
        long base = baseDelay.toMillis();
        long ceiling = maxDelay.toMillis();
        long exponential = retry > 40 ? ceiling : Math.min(ceiling, base << (retry - 1));
        if (exponential <= 1) {
            return Duration.ofMillis(exponential);
        }
        long half = exponential / 2;
        return Duration.ofMillis(half + random.nextLong(exponential - half + 1));
    }
}
