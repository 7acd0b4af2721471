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

    /** Why pages of an incident must wait (a maintenance window), and until when. */
    public record Hold(Instant until, String reason) {
    }

    /** Port: whether an incident's pages must wait now. */
    public interface PageHold {
        Optional<Hold> holdFor(Incident incident, Instant now);

        PageHold NEVER = (incident, now) -> Optional.empty();
    }

    private final IncidentStore incidents;
    private final PageOutbox outbox;
    private final Pager pager;
    private final PageComposer composer;
    private final InstantSource clock;
    private final Duration lease;
    private final PageHold hold;

    public PageDispatcher(IncidentStore incidents, PageOutbox outbox, Pager pager, PageComposer composer,
                          InstantSource clock, Duration lease) {
        this(incidents, outbox, pager, composer, clock, lease, PageHold.NEVER);
    }

    /**
     * @param hold consulted when the sweep re-drives a page (a page held for daytime, or retried after a
     *             failure): a page due inside a maintenance window waits for its end. Pages sent right after
     *             they were decided are not held again: that decision already looked.
     */
    public PageDispatcher(IncidentStore incidents, PageOutbox outbox, Pager pager, PageComposer composer,
                          InstantSource clock, Duration lease, PageHold hold) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.pager = pager;
        this.composer = composer;
        this.clock = clock;
        this.lease = lease;
        this.hold = hold;
    }

    /**
     * Sends pages this caller already holds the claim for (written with the incident). Pages held for later
     * (no claim) are left to the sweep, which claims them when they are due.
     */
    public DispatchReport send(List<Page> claimed) {
        return send(claimed, false, null);
    }

    /**
     * As {@link #send(List)}, for pages written in the same transaction as {@code written}, the incident as that
     * transaction wrote it: the decision to page was made on it a moment ago, so it is not read again.
     */
    public DispatchReport send(List<Page> claimed, Incident written) {
        return send(claimed, false, written);
    }

    /**
     * Every page is attempted even if one before it fails (a broken item must not hold up everyone else's pages);
     * then the first failure is thrown, so the invocation fails visibly. The failed page keeps its lease and is
     * tried again when it runs out.
     */
    private DispatchReport send(List<Page> claimed, boolean redriven, Incident written) {
        DispatchReport report = DispatchReport.NONE;
        RuntimeException failure = null;
        for (Page page : claimed) {
            if (page.claimToken() == null) {
                continue;
            }
            try {
                report = report.plus(sendOne(page, redriven, written != null && written.id().equals(page.incidentId())
                        ? Optional.of(written) : null));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return report;
    }

    /** The sweep: every pending page whose lease or delay has run out. */
    public DispatchReport redriveDue(int limit) {
        Instant now = clock.instant();
        return send(outbox.claimDue(now, now.plus(lease), newToken(), limit), true, null);
    }

    /** When the earliest pending page is due, if any. */
    public Optional<Instant> nextDue() {
        return outbox.earliestPageDue();
    }

    /** The pending pages of one incident, for a redelivered event whose first run may have died. */
    public DispatchReport redriveIncident(String incidentId) {
        Instant now = clock.instant();
        return send(outbox.claimPending(incidentId, now, now.plus(lease), newToken()), true, null);
    }

    /** @param known the page's incident as just written, or null to read it */
    private DispatchReport sendOne(Page page, boolean redriven, Optional<Incident> known) {
        Instant now = clock.instant();
        Optional<Incident> incident = known != null ? known : incidents.incident(page.incidentId());
        if (incident.isEmpty() || incident.get().status() != IncidentStatus.TRIGGERED) {
            String why = incident.map(i -> "incident is " + i.status()).orElse("incident does not exist");
            outbox.cancel(page, entry(page, now, TimelineEntryType.PAGE_CANCELLED,
                    "page to " + page.target() + " not sent: " + why, Map.of("pageId", page.pageId())));
            return new DispatchReport(0, 0, 1);
        }
        Optional<Hold> held = redriven ? hold.holdFor(incident.get(), now) : Optional.empty();
        if (held.isPresent()) {
            outbox.postpone(page, held.get().until(), entry(page, now, TimelineEntryType.MAINTENANCE,
                    "page to " + page.target() + " held until " + held.get().until() + ": " + held.get().reason(),
                    Map.of("pageId", page.pageId(), "until", held.get().until().toString())));
            return DispatchReport.NONE;
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
