package dev.firebell.postmortem;

import static dev.firebell.postmortem.DraftText.time;
import static dev.firebell.postmortem.Markdown.cell;
import static dev.firebell.postmortem.Markdown.text;

import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import java.time.Duration;
import java.util.List;

/** Related incidents, closing the supporting information: the same alarm's or service's recent incidents. */
final class RelatedIncidentsSection {

    private RelatedIncidentsSection() {
    }

    /** @param relatedWindow how far back related incidents were looked for (said in the draft) */
    static void write(StringBuilder md, Incident incident, List<RelatedIncident> related, Duration relatedWindow) {
        long days = relatedWindow.toDays();
        md.append("Related incidents (same alarm, or service ").append(text(incident.service())).append(", opened in the ")
                .append(days).append(" days before this one):\n\n");
        if (related.isEmpty()) {
            md.append("- None.\n\n");
            return;
        }
        md.append("| Incident | Opened (UTC) | Severity | Title | Relation | Outcome |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (RelatedIncident r : related) {
            Incident o = r.incident();
            String outcome = o.resolvedAt() == null ? "open"
                    : ("alarm".equals(o.resolvedBy()) ? "auto-resolved after " : "resolved after ")
                    + Durations.human(o.duration(o.resolvedAt()));
            md.append("| #").append(cell(text(o.id()))).append(" | ").append(time(o.openedAt())).append(" | ")
                    .append(o.severity()).append(" | ").append(cell(text(o.title()))).append(" | ")
                    .append(r.sameAlarm() ? "same alarm" : "same service").append(" | ").append(outcome).append(" |\n");
        }
        md.append('\n');
    }
}
