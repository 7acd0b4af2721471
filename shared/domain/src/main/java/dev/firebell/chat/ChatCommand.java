package dev.firebell.chat;

import dev.firebell.routing.Severity;
import java.time.Duration;

/**
 * A parsed command: syntax checked, ids and mentions well formed. Whether the incident, person or service exists
 * is decided when it runs. An incident id that is null was left out: the caller's most recently paged incident.
 */
public sealed interface ChatCommand {

    Subcommand subcommand();

    /** @param text everything after the severity: the title and maybe a service name, split when it runs */
    record Declare(Severity severity, String text) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.DECLARE;
        }
    }

    record Ack(String incidentId) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.ACK;
        }
    }

    record Unack(String incidentId) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.UNACK;
        }
    }

    /** @param resolution null when none was given */
    record Resolve(String incidentId, String resolution) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.RESOLVE;
        }
    }

    record Reopen(String incidentId) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.REOPEN;
        }
    }

    record Status(String incidentId) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.STATUS;
        }
    }

    /** @param service set when {@code scope} is {@link ListScope#SERVICE} */
    record ListIncidents(ListScope scope, String service) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.LIST;
        }
    }

    enum ListScope { OPEN, MINE, SERVICE }

    record ChangeSeverity(String incidentId, Severity severity) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.SEVERITY;
        }
    }

    /** {@code commander <id> @person} and {@code role <id> <role> @person}. */
    record AssignRole(Subcommand subcommand, String incidentId, String role, String chatUserId) implements ChatCommand {
    }

    record Note(String incidentId, String text) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.NOTE;
        }
    }

    record Escalate(String incidentId) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.ESCALATE;
        }
    }

    /** @param scope a team, service or rotation name; null for all */
    record OnCall(String scope) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.ONCALL;
        }
    }

    record Override(String rotation, String chatUserId, Duration duration) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.OVERRIDE;
        }
    }

    /** @param reason null when none was given */
    record Maintenance(String service, Duration duration, String reason) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.MAINTENANCE;
        }
    }

    record Postmortem(String incidentId) implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.POSTMORTEM;
        }
    }

    /** A sign-in link to the web console, for the caller only. */
    record Console() implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.CONSOLE;
        }
    }

    record Help() implements ChatCommand {
        public Subcommand subcommand() {
            return Subcommand.HELP;
        }
    }
}
