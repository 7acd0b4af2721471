package dev.firebell.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every announcement store keeps to (in memory, and DynamoDB): one claim at a time per incident, a lapsed claim
 * taken over, the message remembered only for the claim that posted it, and updates only from the revision stored.
 */
public abstract class AnnouncementStoreContract {

    protected static final Instant T0 = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant LEASE = T0.plus(Duration.ofSeconds(60));
    private static final MessageRef MESSAGE = new MessageRef("C0CHECKOUT", "1765357200.000100");

    protected AnnouncementStore store;

    protected abstract AnnouncementStore emptyStore();

    @BeforeEach
    void empty() {
        store = emptyStore();
    }

    @Test
    void find_shouldBeEmpty_forAnIncidentNeverClaimed() {
        assertThat(store.find("7")).isEmpty();
    }

    @Test
    void claim_shouldSucceedOnce_andBeRefusedWhileTheClaimIsLive() {
        assertThat(store.claim("7", "C0CHECKOUT", T0, LEASE, "first")).isTrue();
        assertThat(store.claim("7", "C0OTHER", T0.plusSeconds(59), T0.plusSeconds(120), "second")).isFalse();

        AnnouncementRecord record = store.find("7").orElseThrow();
        assertThat(record).isEqualTo(new AnnouncementRecord("7", "C0CHECKOUT", T0, LEASE, "first", null, Revision.NONE));
        assertThat(record.posted()).isFalse();
        assertThat(store.claim("8", "C0CHECKOUT", T0, LEASE, "other incident")).as("claims are per incident").isTrue();
    }

    @Test
    void claim_shouldTakeOverALapsedClaim_butNeverAPostedOne() {
        store.claim("7", "C0CHECKOUT", T0, LEASE, "crashed");

        assertThat(store.claim("7", "C0MOVED", LEASE, LEASE.plusSeconds(60), "next")).isTrue();
        AnnouncementRecord takenOver = store.find("7").orElseThrow();
        assertThat(takenOver.claimToken()).isEqualTo("next");
        assertThat(takenOver.leaseUntil()).isEqualTo(LEASE.plusSeconds(60));
        assertThat(takenOver.claimedAt()).as("first claimed: since when it may have been posted").isEqualTo(T0);
        assertThat(takenOver.channel()).as("where it may have been posted").isEqualTo("C0CHECKOUT");
        assertThat(store.posted("7", "crashed", MESSAGE, new Revision(1, 0), LEASE)).as("the old claim is gone")
                .isFalse();

        assertThat(store.posted("7", "next", MESSAGE, new Revision(1, 0), LEASE.plusSeconds(1))).isTrue();
        assertThat(store.claim("7", "C0CHECKOUT", T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), "late"))
                .as("posted: nobody claims it again").isFalse();
        AnnouncementRecord record = store.find("7").orElseThrow();
        assertThat(record.message()).isEqualTo(MESSAGE);
        assertThat(record.revision()).isEqualTo(new Revision(1, 0));
        assertThat(record.claimToken()).isEqualTo("next");
    }

    @Test
    void release_shouldLetTheNextAttemptTakeTheClaimAtOnce_butOnlyForItsOwnUnpostedClaim() {
        store.claim("7", "C0CHECKOUT", T0, LEASE, "failed");
        assertThat(store.release("7", "someone else", T0.plusSeconds(1))).isFalse();
        assertThat(store.claim("7", "C0CHECKOUT", T0.plusSeconds(2), LEASE, "too early")).isFalse();

        assertThat(store.release("7", "failed", T0.plusSeconds(3))).isTrue();
        assertThat(store.find("7").orElseThrow().lapsedAt(T0.plusSeconds(3))).isTrue();
        assertThat(store.claim("7", "C0CHECKOUT", T0.plusSeconds(4), LEASE.plusSeconds(4), "retry")).isTrue();
        store.posted("7", "retry", MESSAGE, new Revision(1, 0), T0.plusSeconds(5));
        assertThat(store.release("7", "retry", T0.plusSeconds(6))).as("posted: nothing to release").isFalse();
        assertThat(store.find("7").orElseThrow().message()).isEqualTo(MESSAGE);
        assertThat(store.release("8", "nobody", T0)).isFalse();
    }

    @Test
    void posted_shouldBeRefused_withoutAClaim_orTwice() {
        assertThat(store.posted("7", "nobody", MESSAGE, new Revision(1, 0), T0)).isFalse();
        assertThat(store.find("7")).isEmpty();

        store.claim("7", "C0CHECKOUT", T0, LEASE, "mine");
        assertThat(store.posted("7", "mine", MESSAGE, new Revision(1, 0), T0)).isTrue();
        assertThat(store.posted("7", "mine", new MessageRef("C0CHECKOUT", "2"), new Revision(2, 0), T0)).isFalse();
        assertThat(store.find("7").orElseThrow().message()).isEqualTo(MESSAGE);
    }

    @Test
    void updated_shouldMoveOnlyFromTheStoredRevision() {
        store.claim("7", "C0CHECKOUT", T0, LEASE, "mine");
        assertThat(store.updated("7", Revision.NONE, new Revision(2, 0), T0)).as("not posted yet").isFalse();
        store.posted("7", "mine", MESSAGE, new Revision(1, 0), T0);

        assertThat(store.updated("7", new Revision(1, 0), new Revision(2, 1), T0.plusSeconds(5))).isTrue();
        assertThat(store.updated("7", new Revision(1, 0), new Revision(3, 1), T0.plusSeconds(6)))
                .as("someone moved it on meanwhile").isFalse();

        AnnouncementRecord record = store.find("7").orElseThrow();
        assertThat(record.revision()).isEqualTo(new Revision(2, 1));
        assertThat(record.message()).isEqualTo(MESSAGE);
        assertThat(record.channel()).isEqualTo("C0CHECKOUT");
        assertThat(store.updated("99", Revision.NONE, new Revision(1, 0), T0)).isFalse();
    }
}
