package dev.firebell.aws.dynamodb;

import dev.firebell.incident.IncidentStore;
import dev.firebell.incident.IncidentStoreContract;
import dev.firebell.incident.TransitionScenarios;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * The DynamoDB store keeps the incident store contract, on the emulator through the real SDK; the in-memory store the
 * domain's tests use keeps the same one. Each test starts on an empty table.
 */
@LocalStackTest
class DynamoIncidentStoreTest extends IncidentStoreContract {

    private final LocalStack local;
    private final String table;

    DynamoIncidentStoreTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.table = resources.tableName("FirebellTable");
    }

    @Override
    protected IncidentStore emptyStore() {
        local.emptyTable(table);
        return new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.fixed(TransitionScenarios.NOW));
    }

    /** As the dispatcher does once SNS took the page: marked sent (the page still claimed as written). */
    @Override
    protected void pageSent(Page page, Instant sentAt) {
        new DynamoPageOutbox(local.dynamoDb(), table).markSent(page, "message-" + page.pageId(), sentAt,
                new TimelineEntry(page.incidentId(), sentAt, TimelineEntryType.PAGED, TimelineEntry.SYSTEM_ACTOR,
                        "paged " + page.target(), Map.of("pageId", page.pageId())));
    }
}
