package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The once-only ledger and the per-number reply counter on the emulator's table. */
@LocalStackTest
class AnswerStoresIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:03:00Z");

    private final LocalStack local;
    private final String table;

    AnswerStoresIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.table = resources.tableName("FirebellTable");
    }

    @BeforeEach
    void empty() {
        local.emptyTable(table);
    }

    @Test
    void aKey_shouldBeClaimedOnce_evenByConcurrentClaimants_andAgainAfterItIsReleased() throws Exception {
        DynamoAnswerLedger ledger = new DynamoAnswerLedger(local.dynamoDb(), table);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = pool.invokeAll(java.util.Collections.nCopies(8,
                    () -> ledger.claim("link:abc", T0.plus(Duration.ofDays(1)))));
            long won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Map<String, AttributeValue> item = local.dynamoDb().getItem(r -> r.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("ANSWER#link:abc"), "SK", AttributeValue.fromS("ANSWER")))).item();
        assertThat(item.get("expiresAt").n()).isEqualTo(String.valueOf(T0.plus(Duration.ofDays(1)).getEpochSecond()));

        ledger.release("link:abc");
        assertThat(ledger.claim("link:abc", T0)).isTrue();
        assertThat(ledger.claim("link:other", T0)).isTrue();
    }

    @Test
    void aNumber_shouldGetMaxRepliesPerWindow_thenNoneUntilTheNextWindow_andOtherNumbersTheirOwn() {
        DynamoReplyRateLimit limit = new DynamoReplyRateLimit(local.dynamoDb(), table);
        Duration window = Duration.ofMinutes(10);

        int allowed = 0;
        for (int i = 0; i < 9; i++) {
            allowed += limit.allow("+33612345678", T0.plusSeconds(i * 30L), window, 6) ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(6);
        assertThat(limit.allow("+4915112345678", T0, window, 6)).isTrue();
        assertThat(limit.allow("+33612345678", Instant.parse("2026-11-27T09:10:00Z"), window, 6))
                .as("the next window, which starts on the tenth minute").isTrue();
        Map<String, AttributeValue> item = local.dynamoDb().getItem(r -> r.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("REPLIES#+33612345678"),
                "SK", AttributeValue.fromS("WINDOW#2026-11-27T09:00:00.000Z")))).item();
        assertThat(item.get("count").n()).isEqualTo("6");
        assertThat(item.get("expiresAt").n()).isEqualTo(String.valueOf(Instant.parse("2026-11-27T09:20:00Z")
                .getEpochSecond()));
    }
}
