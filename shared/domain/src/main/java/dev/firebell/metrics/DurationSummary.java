package dev.firebell.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Count, mean, median, 90th percentile and maximum of some durations. The mean alone hides the long tail
 * incidents are made of, so reports show all of them. Percentiles use the nearest-rank method (an observed
 * value, never an interpolated one); the mean is rounded to the second.
 */
public record DurationSummary(int count, Duration mean, Duration median, Duration p90, Duration max) {

    public static final DurationSummary NONE = new DurationSummary(0, null, null, null, null);

    public static DurationSummary of(Collection<Duration> values) {
        List<Duration> sorted = new ArrayList<>();
        for (Duration d : values) {
            if (d != null) {
                sorted.add(d);
            }
        }
        if (sorted.isEmpty()) {
            return NONE;
        }
        sorted.sort(null);
        long totalMillis = 0;
        for (Duration d : sorted) {
            totalMillis += d.toMillis();
        }
        long meanSeconds = Math.round(totalMillis / 1000.0 / sorted.size());
        return new DurationSummary(sorted.size(), Duration.ofSeconds(meanSeconds), rank(sorted, 0.5), rank(sorted, 0.9),
                sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
