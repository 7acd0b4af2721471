package dev.firebell.aws.runtime;

import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The standard retry mode's backoff (exponential, full jitter: a delay drawn uniformly between zero and
 * {@code min(max, base * 2^(attempt - 1))}), with the jitter drawn from {@link FreshRandom} instead of the SDK's
 * {@code ThreadLocalRandom}: environments restored from one SnapStart snapshot must not retry a throttled call in
 * lockstep (ADR 0053).
 */
public final class FreshJitter implements BackoffStrategy {

    private final long baseMillis;
    private final long maxMillis;

    public FreshJitter(Duration base, Duration max) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + " and " + max);
        }
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The longest delay before the given attempt (the second attempt is the first retry). */
    public Duration ceiling(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        return Duration.ofMillis(Math.min(maxMillis, baseMillis << Math.min(doublings, 20)));
    }

    @Override
    public Duration computeDelay(int attempt) {
        return Duration.ofMillis(FreshRandom.upTo(ceiling(attempt).toMillis()));
    }
}
