package dev.firebell.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HeartbeatStore} does: tokens found by their hash only, writes on the version read, the due index in
 * time order without new monitors, rotation and removal. One subclass per implementation: InMemoryHeartbeatStoreTest
 * and DynamoHeartbeatStoreTest (shared/aws, on the emulator).
 */
public abstract class HeartbeatStoreContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    protected HeartbeatStore store;

    protected abstract HeartbeatStore emptyStore();

    @BeforeEach
    void setUp() {
        store = emptyStore();
    }

    @Test
    public void createToken_shouldGiveANewMonitorATokenAndANewRecord_andKeepAnExistingToken() {
        assertThat(store.createToken("backup", "token-a")).isTrue();
        assertThat(store.createToken("backup", "token-b")).isFalse();

        assertThat(store.token("backup")).contains("token-a");
        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-a"))).hasValueSatisfying(r -> {
            assertThat(r.name()).isEqualTo("backup");
            assertThat(r.state()).isEqualTo(MonitorState.NEW);
            assertThat(r.dueAt()).isNull();
        });
        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-b"))).isEmpty();
        assertThat(store.names()).containsExactly("backup");
    }

    @Test
    public void byTokenHash_shouldFindNothing_forATokenNobodyHas() {
        store.createToken("backup", "token-a");

        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-A"))).isEmpty();
        assertThat(store.byTokenHash("not-even-a-hash")).isEmpty();
        assertThat(store.token("nightly")).isEmpty();
    }

    @Test
    public void replace_shouldWriteOnTheVersionRead_andRefuseAStaleOne() {
        store.createToken("backup", "token-a");
        MonitorRecord read = store.record("backup");
        MonitorRecord up = new MonitorRecord("backup", MonitorState.UP, T0, PingKind.SUCCESS,
                T0.plusSeconds(3900), null, null, null, read.version());

        assertThat(store.replace(read, up)).isTrue();
        assertThat(store.replace(read, up)).as("the same version again").isFalse();

        MonitorRecord stored = store.record("backup");
        assertThat(stored.version()).isEqualTo(read.version() + 1);
        assertThat(stored.state()).isEqualTo(MonitorState.UP);
        assertThat(stored.lastPingAt()).isEqualTo(T0);
        assertThat(stored.lastPingKind()).isEqualTo(PingKind.SUCCESS);
        assertThat(stored.dueAt()).isEqualTo(T0.plusSeconds(3900));
    }

    @Test
    public void replace_shouldKeepEveryFieldOfADownRecord() {
        store.createToken("backup", "token-a");
        MonitorRecord read = store.record("backup");
        MonitorRecord down = new MonitorRecord("backup", MonitorState.DOWN, T0, PingKind.START, T0.plusSeconds(60),
                T0.plusSeconds(30), DownCause.RAN_TOO_LONG, T0.plusSeconds(60), read.version());

        store.replace(read, down);

        assertThat(store.record("backup")).isEqualTo(down.withVersion(read.version() + 1));
    }

    @Test
    public void replace_shouldWriteNothing_forAMonitorWithoutToken() {
        assertThat(store.replace(MonitorRecord.fresh("ghost"), MonitorRecord.fresh("ghost"))).isFalse();
        assertThat(store.record("ghost")).isEqualTo(MonitorRecord.fresh("ghost"));
        assertThat(store.names()).isEmpty();
    }

    @Test
    public void due_shouldListOnlyWhatIsDue_earliestFirst_andNeverANewMonitor() {
        for (String name : new String[] {"a", "b", "c", "never"}) {
            store.createToken(name, "token-" + name);
        }
        due("a", T0.plusSeconds(120));
        due("b", T0.plusSeconds(60));
        due("c", T0.plusSeconds(600));

        assertThat(store.due(T0.plusSeconds(120), 10)).extracting(MonitorRecord::name).containsExactly("b", "a");
        assertThat(store.due(T0.plusSeconds(120), 1)).extracting(MonitorRecord::name).containsExactly("b");
        assertThat(store.due(T0, 10)).isEmpty();
        assertThat(store.nextDue()).contains(T0.plusSeconds(60));
    }

    @Test
    public void due_shouldForgetARecordOnceItIsNoLongerDue() {
        store.createToken("a", "token-a");
        due("a", T0);
        MonitorRecord read = store.record("a");

        store.replace(read, read.undeclared());

        assertThat(store.due(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(store.nextDue()).isEmpty();
    }

    @Test
    public void rotateToken_shouldRetireTheOldTokenAtOnce_andKeepTheRecord() {
        store.createToken("backup", "token-a");
        due("backup", T0);

        store.rotateToken("backup", "token-b");

        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-a"))).isEmpty();
        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-b"))).hasValueSatisfying(r ->
                assertThat(r.dueAt()).isEqualTo(T0));
        assertThat(store.token("backup")).contains("token-b");
    }

    @Test
    public void rotateToken_shouldRefuse_aMonitorWithoutToken() {
        assertThatThrownBy(() -> store.rotateToken("ghost", "token-x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost");
        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-x"))).isEmpty();
    }

    @Test
    public void remove_shouldForgetTokenAndRecord() {
        store.createToken("backup", "token-a");
        due("backup", T0);

        store.remove("backup");

        assertThat(store.byTokenHash(HeartbeatTokens.hash("token-a"))).isEmpty();
        assertThat(store.token("backup")).isEmpty();
        assertThat(store.due(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(store.names()).isEmpty();
        assertThat(store.createToken("backup", "token-c")).as("declared again later: a new token").isTrue();
    }

    private void due(String name, Instant at) {
        MonitorRecord read = store.record(name);
        assertThat(store.replace(read, new MonitorRecord(name, MonitorState.UP, at.minusSeconds(60), PingKind.SUCCESS,
                at, null, null, null, read.version()))).isTrue();
    }
}
