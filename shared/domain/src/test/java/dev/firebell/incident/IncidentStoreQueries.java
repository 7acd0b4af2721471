package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.escalation.EscalationState;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The part of {@link IncidentStoreContract} about what the console lists and opens: pages of incidents newest first
 * across month partitions, filtered by service, severity and status, resumed exactly where the last page ended; and
 * one incident with its timeline, pages and escalation at once.
 */
public abstract class IncidentStoreQueries extends IncidentStoreUpdatesAndReads {

    private static final Instant OCT_01 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant JAN_01 = Instant.parse("2027-01-01T00:00:00Z");

    /**
     * Seven incidents over three months, created in id order but opened out of it: #2 and #3 in the same millisecond,
     * #6 exactly at the end of October, #7 of another service, #4 resolved, #5 SEV1.
     */
    private void sevenIncidents() {
        create("1", "2026-10-30T10:00:00Z", "checkout", Severity.SEV2);
        create("2", "2026-11-15T12:00:00.123Z", "checkout", Severity.SEV2);
        create("3", "2026-11-15T12:00:00.123Z", "checkout", Severity.SEV2);
        create("4", "2026-11-01T00:00:00Z", "checkout", Severity.SEV3);
        create("5", "2026-12-02T08:00:00Z", "checkout", Severity.SEV1);
        create("6", "2026-10-31T23:59:59.999Z", "checkout", Severity.SEV2);
        create("7", "2026-11-20T09:00:00Z", "payments", Severity.SEV2);
        Incident four = store.incident("4").orElseThrow();
        store.update(four.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(NOW_RESOLVED).resolvedBy("alice")
                .build(), List.of(), List.of(), null);
    }

    private static final Instant NOW_RESOLVED = Instant.parse("2026-12-03T00:00:00Z");

    @Test
    public void incidents_shouldComeNewestFirst_inPagesAcrossMonths_eachOnceAndTheLastWithoutANext() {
        sevenIncidents();

        List<List<String>> pages = pages(IncidentQuery.between(OCT_01, JAN_01, 3));

        // same millisecond: the sort key's order, "#3" after "#2" read backwards
        assertThat(pages).containsExactly(List.of("5", "7", "3"), List.of("2", "4", "6"), List.of("1"));
    }

    @Test
    public void incidents_shouldEndWithoutANext_whenThePageHoldsExactlyTheRest() {
        sevenIncidents();

        IncidentPage all = store.incidents(IncidentQuery.between(OCT_01, JAN_01, 7));

        assertThat(ids(all)).containsExactly("5", "7", "3", "2", "4", "6", "1");
        assertThat(all.next()).isNull();
    }

    @Test
    public void incidents_shouldKeepThePeriod_fromIncluded_toExcluded() {
        sevenIncidents();

        IncidentPage november = store.incidents(IncidentQuery.between(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-20T09:00:00Z"), 10));

        assertThat(ids(november)).containsExactly("3", "2", "4");
    }

    @Test
    public void incidents_shouldFilterByServiceSeverityAndStatus_andStillFillEachPage() {
        sevenIncidents();

        IncidentQuery checkoutSev2Open = new IncidentQuery(OCT_01, JAN_01, "checkout", Set.of(Severity.SEV2),
                Set.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED), null, 2);
        IncidentQuery payments = new IncidentQuery(OCT_01, JAN_01, "payments", Set.of(), Set.of(), null, 2);
        IncidentQuery resolved = new IncidentQuery(OCT_01, JAN_01, null, Set.of(), Set.of(IncidentStatus.RESOLVED),
                null, 2);
        IncidentQuery sev1or3 = new IncidentQuery(OCT_01, JAN_01, null, Set.of(Severity.SEV1, Severity.SEV3),
                Set.of(), null, 5);

        assertThat(pages(checkoutSev2Open)).containsExactly(List.of("3", "2"), List.of("6", "1"));
        assertThat(pages(payments)).containsExactly(List.of("7"));
        assertThat(pages(resolved)).containsExactly(List.of("4"));
        assertThat(pages(sev1or3)).containsExactly(List.of("5", "4"));
    }

    @Test
    public void incidents_shouldResumeAfterAnyPositionInThePeriod_evenOneNoIncidentHolds() {
        sevenIncidents();
        IncidentQuery all = IncidentQuery.between(OCT_01, JAN_01, 10);

        IncidentPage afterMidNovember = store.incidents(all.after(
                new IncidentCursor(Instant.parse("2026-11-16T00:00:00Z"), "99")));
        IncidentPage afterTheTie = store.incidents(all.after(
                new IncidentCursor(Instant.parse("2026-11-15T12:00:00.123Z"), "3")));

        assertThat(ids(afterMidNovember)).containsExactly("3", "2", "4", "6", "1");
        assertThat(ids(afterTheTie)).containsExactly("2", "4", "6", "1");
    }

    @Test
    public void incidents_shouldBeEmpty_whenNothingOpenedInThePeriod() {
        sevenIncidents();

        IncidentPage none = store.incidents(IncidentQuery.between(Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-09-01T00:00:00Z"), 10));

        assertThat(none.incidents()).isEmpty();
        assertThat(none.next()).isNull();
    }

    @Test
    public void detail_shouldHoldTheIncidentItsTimelinePagesAndEscalation_asTheSeparateReadsDo() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        Page page = Page.pending("1", 1, "person:alice", PageReason.TRIGGERED, at, at.plusSeconds(60), "token");
        store.update(declared("1", at), List.of(entry("1", at, "declared"), entry("1", at.plusSeconds(5), "note")),
                List.of(page), null, EscalationState.start("1", "checkout-policy", at.plusSeconds(300), 2));
        store.update(declared("2", at), List.of(entry("2", at, "other")), List.of(), null);

        IncidentDetail detail = store.detail("1").orElseThrow();

        assertThat(detail.incident()).isEqualTo(store.incident("1").orElseThrow());
        assertThat(detail.timeline()).extracting(TimelineEntry::summary).containsExactly("declared", "note");
        assertThat(detail.pages()).isEqualTo(store.pages("1"));
        assertThat(detail.escalation()).isEqualTo(store.escalation("1").orElseThrow());
        assertThat(store.detail("2").orElseThrow().escalation()).isNull();
        assertThat(store.detail("3")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private void create(String id, String openedAt, String service, Severity severity) {
        Instant at = Instant.parse(openedAt);
        store.update(declared(id, at).toBuilder().service(service).severity(severity).build(), List.of(), List.of(),
                null);
    }

    /** Every page's ids, following each page's next position until a page has none. */
    private List<List<String>> pages(IncidentQuery query) {
        List<List<String>> pages = new ArrayList<>();
        IncidentQuery next = query;
        for (int guard = 0; guard < 20; guard++) {
            IncidentPage page = store.incidents(next);
            pages.add(ids(page));
            if (page.next() == null) {
                return pages;
            }
            assertThat(page.incidents()).hasSize(query.limit());
            next = query.after(IncidentCursor.decode(page.next().encode()));
        }
        throw new AssertionError("more than 20 pages: " + pages);
    }

    private static List<String> ids(IncidentPage page) {
        return page.incidents().stream().map(Incident::id).toList();
    }
}
