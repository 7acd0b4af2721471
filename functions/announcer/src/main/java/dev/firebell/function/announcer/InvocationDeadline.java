package dev.firebell.function.announcer;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * When the invocation being handled must be done: Lambda's deadline less a margin to report the batch. Claims on
 * announcements last until then (a crash ends them with the invocation), and no wait for Slack is started that would
 * end after it. Lambda runs one invocation at a time per execution environment, so one holder serves them in turn.
 */
final class InvocationDeadline implements Supplier<Instant> {

    /** Time kept to write the batch's answer after the last call. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    private volatile Instant deadline = Instant.EPOCH;

    /** A new invocation that must end {@code remaining} from {@code now}. */
    void start(Instant now, Duration remaining) {
        deadline = now.plus(remaining).minus(MARGIN);
    }

    @Override
    public Instant get() {
        return deadline;
    }
}
