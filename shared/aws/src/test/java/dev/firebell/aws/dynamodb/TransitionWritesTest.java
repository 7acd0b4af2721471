package dev.firebell.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Transition;
import dev.firebell.incident.TransitionScenarios;
import dev.firebell.incident.TransitionScenarios.Written;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Every kind of transition (the sealed interface's permitted subclasses, each from its story in the domain's tests)
 * becomes the DynamoDB writes it needs: the same items the in-memory store writes for it (TransitionKindsTest), and
 * the event record first, which redelivery detection relies on. No emulator: the writes are only built.
 */
class TransitionWritesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T11:00:00Z");

    private final IncidentTable writes = new IncidentTable(new Table(null, "FirebellTable"));

    static Stream<Class<? extends Transition>> kinds() {
        return TransitionScenarios.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKind_shouldWriteTheItemsItNeeds(Class<? extends Transition> kind) {
        List<TransactWriteItem> transaction = TransitionScenarios.fixture(kind)
                .accept(new TransitionWrites(writes, "arn|ALARM|1", NOW));

        Set<Written> written = EnumSet.noneOf(Written.class);
        transaction.forEach(w -> written.add(written(w)));
        assertThat(written).isEqualTo(TransitionScenarios.writes(kind));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindThatWrites_shouldWriteTheEventRecordFirst_returningItWhenItExists(Class<? extends Transition> kind) {
        List<TransactWriteItem> transaction = TransitionScenarios.fixture(kind)
                .accept(new TransitionWrites(writes, "arn|ALARM|1", NOW));

        if (!transaction.isEmpty()) {
            var first = transaction.get(0).put();
            assertThat(first.item()).containsEntry("PK", AttributeValue.fromS("EVENT#arn|ALARM|1"))
                    .containsEntry("SK", AttributeValue.fromS("EVENT"));
            assertThat(first.conditionExpression()).isEqualTo("attribute_not_exists(PK)");
            assertThat(first.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
    }

    /** Which item a write is, by the key layout of docs/dynamodb-design.md. */
    private static Written written(TransactWriteItem w) {
        Map<String, AttributeValue> key = w.put() != null ? w.put().item() : w.update().key();
        String pk = key.get("PK").s();
        String sk = key.get("SK").s();
        if (sk.equals("EVENT")) {
            return Written.EVENT_RECORD;
        }
        if (sk.equals("DEDUP")) {
            return Written.TRACK;
        }
        if (sk.equals("INCIDENT")) {
            return Written.INCIDENT;
        }
        if (pk.equals("COUNTER#incident") && sk.equals("COUNTER")) {
            return Written.INCIDENT_NUMBER;
        }
        if (sk.startsWith("TIMELINE#")) {
            return Written.TIMELINE;
        }
        if (sk.startsWith("PAGE#")) {
            return Written.PAGES;
        }
        if (sk.equals("GROUP")) {
            return Written.SERVICE_GROUP;
        }
        throw new AssertionError("an item the stories do not write: " + pk + " / " + sk);
    }
}
