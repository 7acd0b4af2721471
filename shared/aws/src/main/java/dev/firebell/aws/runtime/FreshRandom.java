package dev.firebell.aws.runtime;

import java.security.SecureRandom;

/**
 * Random numbers that stay different in every execution environment restored from one SnapStart snapshot (ADR 0053).
 * {@code ThreadLocalRandom} does not: its seeds come from a static counter that the snapshot holds, so environments
 * restored from it draw the same sequence. The platform's default {@link SecureRandom} on Linux (NativePRNG) XORs
 * bytes freshly read from {@code /dev/urandom} into every output, buffered for at most 100 ms, so an instance created
 * before the snapshot still answers differently in each restored environment. Slower than {@code ThreadLocalRandom}
 * (a microsecond), which only matters in loops; used for tie-breaks in keys and for retry jitter.
 */
public final class FreshRandom {

    private static final SecureRandom RANDOM = new SecureRandom();

    private FreshRandom() {
    }

    /** Uniform in {@code [0, bound)}. */
    public static int nextInt(int bound) {
        return RANDOM.nextInt(bound);
    }

    /** Uniform in {@code [0, bound]} ({@code bound} at least 0). */
    public static long upTo(long bound) {
        return bound <= 0 ? 0 : RANDOM.nextLong(bound + 1);
    }
}
