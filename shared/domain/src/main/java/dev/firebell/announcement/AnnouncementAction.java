package dev.firebell.announcement;

import dev.firebell.chat.Subcommand;
import dev.firebell.incident.IncidentStatus;
import java.util.List;
import java.util.Optional;

/**
 * A button on an announcement, and the chat command a click runs: exactly what {@code /incident <word> <id>} does
 * (same checks, same timeline entry, the same deferral for {@code escalate}). The buttons shown are those that make
 * sense in the incident's state.
 */
public enum AnnouncementAction {
    ACKNOWLEDGE(Subcommand.ACK, "Acknowledge"),
    ESCALATE(Subcommand.ESCALATE, "Escalate"),
    RESOLVE(Subcommand.RESOLVE, "Resolve");

    /** Every action id Firebell writes starts with this; anything else is not one of its buttons. */
    public static final String ACTION_ID_PREFIX = "firebell.";

    private final Subcommand subcommand;
    private final String label;

    AnnouncementAction(Subcommand subcommand, String label) {
        this.subcommand = subcommand;
        this.label = label;
    }

    public Subcommand subcommand() {
        return subcommand;
    }

    /** What the button says. */
    public String label() {
        return label;
    }

    /** The button's id in the message, which a click sends back: {@code firebell.ack}, ... */
    public String actionId() {
        return ACTION_ID_PREFIX + subcommand.word();
    }

    /** The command a click on this incident's button runs, as a person would type it after {@code /incident}. */
    public String commandText(String incidentId) {
        return subcommand.word() + " " + incidentId;
    }

    /** The button with this action id, if it is one of Firebell's. */
    public static Optional<AnnouncementAction> ofActionId(String actionId) {
        for (AnnouncementAction a : values()) {
            if (a.actionId().equals(actionId)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The buttons for an incident in this state: a triggered incident can be acknowledged, escalated and resolved; an
     * acknowledged one escalated (more help) and resolved; a resolved one none (reopen it with a command).
     */
    public static List<AnnouncementAction> forStatus(IncidentStatus status) {
        return switch (status) {
            case TRIGGERED -> List.of(ACKNOWLEDGE, ESCALATE, RESOLVE);
            case ACKNOWLEDGED -> List.of(ESCALATE, RESOLVE);
            case RESOLVED -> List.of();
        };
    }
}
