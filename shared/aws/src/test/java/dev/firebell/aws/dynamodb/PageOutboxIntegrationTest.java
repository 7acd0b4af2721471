package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.PageStatus;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page outbox's SENT mark, against the emulator. */
@LocalStackTest
class PageOutboxIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    private final LocalStack local;
    private final LocalResources resources;
    private DynamoIncidentStore store;
    private DynamoPageOutbox outbox;

    PageOutboxIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTable() {
        String table = resources.tableName("FirebellTable");
        local.emptyTable(table);
        store = new DynamoIncidentStore(local.dynamoDb(), table, () -> NOW);
        outbox = new DynamoPageOutbox(local.dynamoDb(), table);
    }

    @Test
    void markSent_shouldMarkAnOlderPage_whenANewerPageToTheSamePersonWasMarkedFirst() {
        // Two incidents page alice at once (an alarm storm without grouping); the later page is recorded first.
        Page older = open("1");
        Page newer = open("2");

        assertThat(outbox.markSent(newer, "m-2", NOW.plusSeconds(2), sent(newer))).isTrue();
        assertThat(outbox.markSent(older, "m-1", NOW.plusSeconds(1), sent(older))).isTrue();

        assertThat(store.pages("1")).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.SENT));
        assertThat(store.pages("2")).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.SENT));
        // "Which incident was I paged for?" still answers with the newest page.
        assertThat(store.lastPagedIncident("person:alice")).contains("2");
        // Nothing is left for the sweep to send again once the leases run out.
        assertThat(outbox.claimDue(NOW.plusSeconds(600), NOW.plusSeconds(660), "sweep", 10)).isEmpty();
    }

    private Page open(String id) {
        Incident incident = Incident.builder().id(id).title("checkout-api-5xx-high").service("checkout")
                .severity(Severity.SEV2).status(IncidentStatus.TRIGGERED).triggeredAt(NOW).openedAt(NOW).lastSeenAt(NOW)
                .alarmCount(1).build();
        Page page = Page.pending(id, 1, "person:alice", PageReason.TRIGGERED, NOW, NOW.plusSeconds(60), "token-" + id);
        store.update(incident, List.of(), List.of(page), null);
        return page;
    }

    private static TimelineEntry sent(Page page) {
        return new TimelineEntry(page.incidentId(), NOW, TimelineEntryType.PAGED, TimelineEntry.SYSTEM_ACTOR,
                "paged " + page.target(), Map.of("pageId", page.pageId()));
    }
}
