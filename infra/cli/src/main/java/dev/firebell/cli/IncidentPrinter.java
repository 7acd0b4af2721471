package dev.firebell.cli;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStore;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints incidents, timelines and pages for people reading a terminal. */
final class IncidentPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final IncidentStore store;
    private final PrintStream out;

    IncidentPrinter(IncidentStore store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    void print(String incidentId) {
        Incident i = store.incident(incidentId).orElseThrow(() ->
                new IllegalStateException("incident " + incidentId + " does not exist"));
        out.println();
        out.printf("Incident #%s  %s  %s  [%s]%n", i.id(), i.severity(), i.title(), i.status());
        out.printf("  service %s, dedup key %s%n", i.service(), i.dedupKey());
        out.printf("  alarm fired %s, opened %s, %d ALARM deliver%s folded in, reopened %d time%s%n",
                time(i.triggeredAt()), time(i.openedAt()), i.alarmCount(), i.alarmCount() == 1 ? "y" : "ies",
                i.reopenCount(), i.reopenCount() == 1 ? "" : "s");
        if (i.isGrouped() && i.group().members() > 1) {
            out.printf("  %d alarms grouped (%d in ALARM now): %s%s%n", i.group().members(), i.group().inAlarm(),
                    String.join(", ", i.group().memberNames()),
                    i.group().members() > i.group().memberNames().size() ? " and more" : "");
        }
        if (i.resolvedAt() != null) {
            out.printf("  resolved %s by %s after %d min%n", time(i.resolvedAt()), i.resolvedBy(),
                    i.duration(i.resolvedAt()).toMinutes());
        }
        out.println("  Timeline (UTC):");
        for (TimelineEntry e : store.timeline(incidentId)) {
            out.printf("    %s  %-22s %s%n", time(e.at()), e.type(), e.summary());
        }
        out.println("  Pages:");
        for (Page p : store.pages(incidentId)) {
            out.printf("    %s to %-15s %-9s %s%s%n", p.pageId(), p.target(), p.status(), p.reason().eventType(),
                    p.sentAt() != null ? " at " + time(p.sentAt()) : "");
        }
    }

    static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }
}
