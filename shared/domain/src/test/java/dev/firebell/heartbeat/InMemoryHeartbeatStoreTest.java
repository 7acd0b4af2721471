package dev.firebell.heartbeat;

class InMemoryHeartbeatStoreTest extends HeartbeatStoreContract {
    @Override
    protected HeartbeatStore emptyStore() {
        return new InMemoryHeartbeatStore();
    }
}
