package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.CountedRequests;
import dev.firebell.local.junit.LocalStackTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The chat function's SnapStart hooks (ADR 0053), against the emulator with every request counted at a proxy:
 * priming answers its read-only commands, reads only the table, never the signing secret, and writes nothing; after a
 * restore the signing secret is read again by the next request.
 */
@LocalStackTest
class ChatSnapStartIntegrationTest {

    @RegisterExtension
    final CountedRequests counted = new CountedRequests();

    private final ChatFixture fixture;

    ChatSnapStartIntegrationTest(LocalStack local, LocalResources resources) {
        this.fixture = new ChatFixture(local, resources);
    }

    @BeforeEach
    void anIncident() {
        fixture.reset();
        fixture.declared("Checkout is down", "checkout"); // an incident #1 for "status 1" to read
        counted.reset(); // the fixture's requests are not the function's
    }

    @Test
    void prime_shouldAnswerEveryCommand_readingTheTableOnly_neverTheSigningSecret_andWriteNothing() {
        // GIVEN the function's graph as Lambda builds it (init makes no request)
        ChatComponent component = DaggerChatComponent.builder().environment(fixture.environment())
                .overrides(ChatOverrides.none()).build();
        List<Map<String, AttributeValue>> before = fixture.snapshot();
        assertThat(counted.requests()).as("init").isEmpty();

        // WHEN Lambda is about to take the snapshot
        List<Integer> answers = new ChatSnapStart(component).prime();

        // THEN every priming command got Slack's 200, only reads reached AWS, and the table is as it was
        assertThat(answers).hasSize(ChatSnapStart.PRIMING_COMMANDS.size()).containsOnly(200);
        assertThat(counted.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r).isIn("dynamodb:GetItem", "dynamodb:Query"))
                .contains("dynamodb:Query"); // the open incidents (list) and the timeline (status 1)
        assertThat(fixture.snapshot()).isEqualTo(before);
    }

    @Test
    void afterRestore_shouldMakeTheNextRequestReadTheSigningSecretAgain() {
        // GIVEN a handler that answered once, its signing secret cached
        ChatHandler handler = fixture.handler(ChatOverrides.none());
        assertThat(help(handler)).isEqualTo(200);
        assertThat(help(handler)).isEqualTo(200);
        assertThat(secretReads()).as("read once, then cached").isEqualTo(1);

        // WHEN the environment is restored from a snapshot
        handler.afterRestore(null);

        // THEN the next request reads it again, and answers
        assertThat(help(handler)).isEqualTo(200);
        assertThat(secretReads()).isEqualTo(2);
    }

    @Test
    void aHandlerBuiltFromParts_shouldHaveNothingToPrimeOrRefresh() {
        ChatHandler handler = fixture.handler(ChatOverrides.none());
        ChatHandler fromParts = new ChatHandler((dev.firebell.chat.slack.SlackEndpoint) null, null);

        fromParts.beforeCheckpoint(null);
        fromParts.afterRestore(null);

        assertThat(counted.requests()).isEmpty();
        assertThat(help(handler)).isEqualTo(200);
    }

    private static int help(ChatHandler handler) {
        return ChatFixture.invoke(handler, SlackRequests.signedEvent(SlackRequests.body("U0ALICE", "help"))).status();
    }

    private long secretReads() {
        return counted.requests().stream().filter("secretsmanager:GetSecretValue"::equals).count();
    }
}
