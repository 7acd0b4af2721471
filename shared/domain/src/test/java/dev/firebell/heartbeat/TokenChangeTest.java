package dev.firebell.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenChangeTest {

    private final InMemoryHeartbeatStore store = new InMemoryHeartbeatStore();

    @Test
    void apply_shouldGiveNewMonitorsATokenAndForgetRemovedOnes_keepingTheTokensOfTheOthers() {
        store.createToken("kept", "token-kept");
        store.createToken("gone", "token-gone");

        List<TokenChange> planned = TokenChange.plan(store, List.of("kept", "new"));
        List<TokenChange> done = TokenChange.apply(store, List.of("kept", "new"));

        assertThat(planned).containsExactly(new TokenChange("new", TokenChange.Kind.CREATED),
                new TokenChange("gone", TokenChange.Kind.REMOVED));
        assertThat(done).isEqualTo(planned);
        assertThat(store.token("kept")).contains("token-kept");
        assertThat(store.token("new")).hasValueSatisfying(t -> assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+"));
        assertThat(store.token("gone")).isEmpty();
        assertThat(TokenChange.apply(store, List.of("kept", "new"))).as("again: nothing").isEmpty();
        assertThat(done.get(0).toString()).isEqualTo(
                "+ heartbeat new: ping token created (see it with './firebell monitors url new')");
    }

    @Test
    void generate_shouldNeverRepeat() {
        assertThat(HeartbeatTokens.generate()).isNotEqualTo(HeartbeatTokens.generate());
        assertThat(HeartbeatTokens.hash("abc")).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
