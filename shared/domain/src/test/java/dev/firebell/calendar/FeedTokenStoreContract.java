package dev.firebell.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.link.SecretTokens;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every feed token store keeps: a token opens its subject's feed until it is replaced or revoked, creating never
 * overwrites, and subjects are read together. One subclass per implementation: InMemoryFeedTokenStoreTest here,
 * DynamoFeedTokenStoreTest in shared/aws.
 */
public abstract class FeedTokenStoreContract {

    protected static final FeedSubject ALICE = FeedSubject.person("alice");
    protected static final FeedSubject PRIMARY = FeedSubject.rotation("checkout-primary");
    protected static final FeedSubject PAYMENTS = FeedSubject.schedule("payments");

    protected FeedTokenStore store;

    protected abstract FeedTokenStore emptyStore();

    @BeforeEach
    void empty() {
        store = emptyStore();
    }

    @Test
    void create_shouldGiveTheSubjectItsToken_onlyOnce() {
        assertThat(store.create(ALICE, "token-a")).isTrue();
        assertThat(store.create(ALICE, "token-b")).as("a second create keeps the first token").isFalse();

        assertThat(store.tokens(List.of(ALICE))).containsEntry(ALICE, "token-a");
        assertThat(store.subjectOf(SecretTokens.hash("token-a"))).contains(ALICE);
        assertThat(store.subjectOf(SecretTokens.hash("token-b"))).isEmpty();
    }

    @Test
    void tokens_shouldReadEverySubjectAsked_andLeaveOutThoseWithout() {
        store.create(ALICE, "token-a");
        store.create(PRIMARY, "token-p");

        assertThat(store.tokens(List.of(ALICE, PRIMARY, PAYMENTS)))
                .containsOnlyKeys(ALICE, PRIMARY).containsEntry(PRIMARY, "token-p");
        assertThat(store.subjectOf(SecretTokens.hash("token-p"))).contains(PRIMARY);
    }

    @Test
    void replace_shouldStopTheOldTokenAtOnce() {
        store.create(ALICE, "token-a");

        store.replace(ALICE, "token-a2");

        assertThat(store.subjectOf(SecretTokens.hash("token-a"))).isEmpty();
        assertThat(store.subjectOf(SecretTokens.hash("token-a2"))).contains(ALICE);
        assertThat(store.tokens(List.of(ALICE))).containsEntry(ALICE, "token-a2");
    }

    @Test
    void replace_shouldCreate_whenTheSubjectHadNoToken() {
        store.replace(PAYMENTS, "token-s");

        assertThat(store.subjectOf(SecretTokens.hash("token-s"))).contains(PAYMENTS);
    }

    @Test
    void revoke_shouldLeaveTheSubjectWithoutAToken_andSayWhetherItHadOne() {
        store.create(ALICE, "token-a");

        assertThat(store.revoke(ALICE)).isTrue();
        assertThat(store.revoke(ALICE)).isFalse();

        assertThat(store.subjectOf(SecretTokens.hash("token-a"))).isEmpty();
        assertThat(store.tokens(List.of(ALICE))).isEmpty();
        assertThat(store.create(ALICE, "token-a3")).as("a revoked subject may get a new token").isTrue();
    }

    @Test
    void subjectsOfDifferentKinds_withTheSameName_areDifferentSubjects() {
        store.create(FeedSubject.rotation("payments"), "token-r");
        store.create(PAYMENTS, "token-s");

        assertThat(store.subjectOf(SecretTokens.hash("token-r"))).contains(FeedSubject.rotation("payments"));
        assertThat(store.subjectOf(SecretTokens.hash("token-s"))).contains(PAYMENTS);
    }

    @Test
    void subjectOf_shouldFindNothing_forAnUnknownHash() {
        assertThat(store.subjectOf(SecretTokens.hash("never-given"))).isEmpty();
    }
}
