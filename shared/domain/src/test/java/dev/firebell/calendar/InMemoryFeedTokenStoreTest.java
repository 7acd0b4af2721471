package dev.firebell.calendar;

class InMemoryFeedTokenStoreTest extends FeedTokenStoreContract {

    @Override
    protected FeedTokenStore emptyStore() {
        return new InMemoryFeedTokenStore();
    }
}
