package dev.firebell.announcement;

/** The in-memory store the domain's tests use keeps the contract DynamoAnnouncementStore keeps. */
class InMemoryAnnouncementStoreTest extends AnnouncementStoreContract {

    @Override
    protected AnnouncementStore emptyStore() {
        return new InMemoryAnnouncementStore();
    }
}
