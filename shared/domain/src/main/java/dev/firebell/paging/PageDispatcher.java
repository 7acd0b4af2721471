package dev.firebell.paging;

import dev.firebell.incident.DispatchReport;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends claimed pages and re-drives the ones a crash or an SNS failure left behind. A page goes out
 * only while its incident is still unacknowledged; otherwise it is cancelled, so nobody is paged
 * about something a person already has in hand.
 */
public final class PageDispatcher {

    private final IncidentStore incidents;
    private final PageOutbox outbox;
    private final Pager pager;
    private final PageComposer composer;
    private final InstantSource clock;
    private final Duration lease;

    public PageDispatcher(IncidentStore incidents, PageOutbox outbox, Pager pager, PageComposer composer,
                          InstantSource clock, Duration lease) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.pager = pager;
        this.composer = composer;
        this.clock = clock;
        this.lease = lease;
    }

    /** Sends pages this caller already holds the claim for (written with the incident). */
    public DispatchReport send(List<Page> claimed) {
        DispatchReport report = DispatchReport.NONE;
        for (Page page : claimed) {
            report = report.plus(sendOne(page));
        }
        return report;
    }

    /** The sweep: every pending page whose lease or delay has run out. */
    public DispatchReport redriveDue(int limit) {
        Instant now = clock.instant();
        return send(outbox.claimDue(now, now.plus(lease), newToken(), limit));
    }

    /** The pending pages of one incident, for a redelivered event whose first run may have died. */
    public DispatchReport redriveIncident(String incidentId) {
        Instant now = clock.instant();
        return send(outbox.claimPending(incidentId, now, now.plus(lease), newToken()));
    }

    private DispatchReport sendOne(Page page) {
        Instant now = clock.instant();
        Optional<Incident> incident = incidents.incident(page.incidentId());
        if (incident.isEmpty() || incident.get().status() != IncidentStatus.TRIGGERED) {
            String why = incident.map(i -> "incident is " + i.status()).orElse("incident does not exist");
            outbox.cancel(page, entry(page, now, TimelineEntryType.PAGE_CANCELLED,
                    "page to " + page.target() + " not sent: " + why, Map.of("pageId", page.pageId())));
            return new DispatchReport(0, 0, 1);
        }
        PageMessage message = composer.compose(incident.get(), page);
        String messageId;
        try {
            messageId = pager.publish(message);
        } catch (PagingException e) {
            Instant retryAt = now.plus(lease);
            outbox.markFailed(page, retryAt, entry(page, now, TimelineEntryType.PAGE_FAILED,
                    "page to " + page.target() + " failed (" + e.getMessage() + "); retrying from " + retryAt,
                    Map.of("pageId", page.pageId(), "attempt", String.valueOf(page.attempts() + 1))));
            return new DispatchReport(0, 1, 0);
        }
        outbox.markSent(page, messageId, now, entry(page, now, TimelineEntryType.PAGED,
                "paged " + page.target() + " (" + page.reason().eventType() + ")",
                Map.of("pageId", page.pageId(), "target", page.target(), "messageId", messageId,
                        "attempt", String.valueOf(page.attempts() + 1))));
        return new DispatchReport(1, 0, 0);
    }

    private static TimelineEntry entry(Page page, Instant now, TimelineEntryType type, String summary,
                                       Map<String, String> details) {
        return new TimelineEntry(page.incidentId(), now, type, TimelineEntry.SYSTEM_ACTOR, summary, details);
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
