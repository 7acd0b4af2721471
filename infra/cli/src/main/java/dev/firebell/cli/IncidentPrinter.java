package dev.firebell.cli;

import dev.firebell.account.Home;
import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.alarm.ConsoleLinks;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStore;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints incidents, timelines and pages for people reading a terminal. */
final class IncidentPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final IncidentStore store;
    private final PrintStream out;
    private final Origins origins;

    IncidentPrinter(IncidentStore store, PrintStream out) {
        this(store, out, Origins.NONE);
    }

    /**
     * Prints incidents of a local stack: alarms from another account or region than the stack's say so, with the
     * names of the configuration stored in its table.
     */
    static IncidentPrinter forStack(LocalStack local, LocalResources resources, PrintStream out) {
        String table = resources.tableName("FirebellTable");
        DynamoConfigStore configs = new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO);
        return new IncidentPrinter(new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.system()), out,
                new Origins(new Home(resources.accountId(), resources.region()), () -> configs.current().accounts()));
    }

    /** @param origins names the account and region of incidents whose alarm comes from elsewhere than the stack's */
    IncidentPrinter(IncidentStore store, PrintStream out, Origins origins) {
        this.store = store;
        this.out = out;
        this.origins = origins;
    }

    void print(String incidentId) {
        Incident i = store.incident(incidentId).orElseThrow(() ->
                new IllegalStateException("incident " + incidentId + " does not exist"));
        out.println();
        out.printf("Incident #%s  %s  %s  [%s]%n", i.id(), i.severity(), i.title(), i.status());
        out.printf("  service %s, dedup key %s%n", i.service(), i.dedupKey());
        Origin origin = origins.of(i.accountId(), i.region()).orElse(null);
        if (origin != null) {
            String note = ConsoleLinks.note(origin);
            out.printf("  from %s; console %s%s%n", origin.describe(), ConsoleLinks.alarm(origin.region(), i.alarmName()),
                    note == null ? "" : " (" + note + ")");
        }
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
