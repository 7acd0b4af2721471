package dev.firebell.escalation;

import java.util.Locale;
import java.util.Objects;

/**
 * Who one escalation level pages: a person, whoever is on call for a rotation or a schedule, or a raw
 * SNS {@code target} value someone subscribed by hand (a team mailbox, a chat webhook).
 */
public record EscalationTarget(Kind kind, String name) {

    public enum Kind {
        PERSON, ROTATION, SCHEDULE, SNS_TARGET;

        /** The configuration key: person, rotation, schedule, snsTarget. */
        public String key() {
            return this == SNS_TARGET ? "snsTarget" : name().toLowerCase(Locale.ROOT);
        }
    }

    public EscalationTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return kind.key() + " " + name;
    }
}
