package dev.firebell.local.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link FaultProxy} does to a request instead of (or besides) forwarding it. Errors are shaped the way the
 * request's service answers them (DynamoDB's JSON {@code __type}, SNS's XML {@code ErrorResponse}, S3's
 * {@code Error}), so the SDK classifies them exactly as it would a real answer.
 */
public sealed interface Fault {

    /** The service's usual throttling answer: DynamoDB {@code ProvisionedThroughputExceededException}, SNS {@code Throttling}, S3 {@code SlowDown}. */
    static Fault throttled() {
        return new Throttled();
    }

    /** An error answer with this HTTP status and error code, e.g. {@code error(400, "ThrottlingException")}; not forwarded. */
    static Fault error(int status, String code) {
        return new Error(status, code);
    }

    /** A 500 with the service's internal-error code ({@code InternalServerError}, {@code InternalError}); not forwarded. */
    static Fault serverError() {
        return new Error(500, null);
    }

    /** Forwarded after this pause: a slow service. */
    static Fault delay(Duration pause) {
        return new Delay(pause);
    }

    /** The connection is closed without an answer; the request never reaches the service. */
    static Fault dropConnection() {
        return new Drop();
    }

    /**
     * Forwarded, so the service does the work, and then answered with a 500 instead of the service's answer: the
     * client cannot tell it from a failure that did nothing.
     */
    static Fault lostResponse() {
        return new LostResponse();
    }

    /** @see #throttled() */
    record Throttled() implements Fault {
    }

    /** @see #error(int, String) */
    record Error(int status, String code) implements Fault {
    }

    /** @see #delay(Duration) */
    record Delay(Duration pause) implements Fault {
        public Delay {
            Objects.requireNonNull(pause, "pause");
        }
    }

    /** @see #dropConnection() */
    record Drop() implements Fault {
    }

    /** @see #lostResponse() */
    record LostResponse() implements Fault {
    }
}
