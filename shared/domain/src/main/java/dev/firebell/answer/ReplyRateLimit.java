package dev.firebell.answer;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: how many replies a phone number may send in a window. Every answer Firebell sends back is an SMS someone pays
 * for, and a number that floods the inbound topic must not flood the incidents either.
 */
public interface ReplyRateLimit {

    /**
     * Counts one reply from {@code number} in the {@code window} holding {@code now}; false when {@code max} were
     * counted already (this one is not acted on).
     */
    boolean allow(String number, Instant now, Duration window, int max);
}
