package dev.firebell.person;

import java.util.Locale;
import java.util.Objects;

/**
 * One way SNS reaches a person: a protocol SNS knows and its endpoint. Firebell never sends to these
 * itself; {@code config apply} subscribes them to the page topic for the person's target.
 */
public record Contact(Protocol protocol, String endpoint) {

    /** The SNS subscription protocols a person's contact may use. */
    public enum Protocol {
        SMS, EMAIL, HTTPS, SQS, LAMBDA;

        /** The SNS protocol name. */
        public String sns() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Contact {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String toString() {
        return protocol.sns() + " " + endpoint;
    }
}
