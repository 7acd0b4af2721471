package dev.firebell.console.incident;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.routing.Severity;
import java.util.Locale;

/** Status and severity in words, in a badge whose colour only repeats what the word says. */
final class IncidentBadges {

    private IncidentBadges() {
    }

    static String statusWord(IncidentStatus status) {
        switch (status) {
            case TRIGGERED:
                return "Triggered";
            case ACKNOWLEDGED:
                return "Acknowledged";
            case RESOLVED:
                return "Resolved";
            default:
                throw new IllegalArgumentException("no word for status " + status);
        }
    }

    static String status(Incident incident) {
        return "<span class=\"badge " + incident.status().name().toLowerCase(Locale.ROOT) + "\">"
                + statusWord(incident.status()) + "</span>";
    }

    static String severity(Severity severity) {
        return "<span class=\"badge " + severity.name().toLowerCase(Locale.ROOT) + "\">" + severity.name() + "</span>";
    }
}
