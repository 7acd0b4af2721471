package dev.firebell.incident;

import dev.firebell.paging.Page;
import java.time.Instant;

/** The in-memory store the domain's tests and properties use keeps the contract DynamoIncidentStore keeps. */
class InMemoryIncidentStoreTest extends IncidentStoreContract {

    @Override
    protected IncidentStore emptyStore() {
        return new InMemoryIncidentStore();
    }

    @Override
    protected void pageSent(Page page, Instant sentAt) {
        ((InMemoryIncidentStore) store).pageSent(page, sentAt);
    }
}
