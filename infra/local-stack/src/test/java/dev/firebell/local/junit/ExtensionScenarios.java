package dev.firebell.local.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Test classes run by {@link LocalStackExtensionTest} in a JUnit run of their own, in @Order. Not run directly:
 * surefire only picks classes named *Test.
 */
final class ExtensionScenarios {

    /** Every moto pid and provisioned LocalResources the scenarios saw, in order. */
    static final List<Long> MOTO_PIDS = Collections.synchronizedList(new ArrayList<>());
    static final List<LocalResources> RESOURCES = Collections.synchronizedList(new ArrayList<>());

    private ExtensionScenarios() {
    }

    private static Map<String, AttributeValue> incident(String id) {
        return Map.of("PK", AttributeValue.fromS("INCIDENT#" + id), "SK", AttributeValue.fromS("META"));
    }

    @LocalStackTest
    @Order(1)
    static class WritesAnIncident {

        @Test
        void writesThroughADefaultClient(LocalStack stack, LocalResources resources) {
            MOTO_PIDS.add(stack.server().orElseThrow().pid());
            RESOURCES.add(resources);
            try (DynamoDbClient client = DynamoDbClient.create()) {
                client.putItem(b -> b.tableName(resources.tableName("FirebellTable")).item(incident("1")));
            }
            assertThat(stack.dynamoDb().scan(b -> b.tableName(resources.tableName("FirebellTable"))).count()).isEqualTo(1);
        }

        @Nested
        class SharesItsEnclosingClassResources {

            @Test
            void seesTheOuterClassItem(LocalStack stack, LocalResources resources) {
                RESOURCES.add(resources);
                assertThat(stack.dynamoDb().scan(b -> b.tableName(resources.tableName("FirebellTable"))).count())
                        .isEqualTo(1);
            }
        }
    }

    @LocalStackTest
    @Order(2)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class StartsClean {

        private final LocalResources resources;

        StartsClean(LocalResources resources) {
            this.resources = resources;
        }

        @Test
        void seesNoItemOfTheClassBefore(LocalStack stack) {
            MOTO_PIDS.add(stack.server().orElseThrow().pid());
            RESOURCES.add(resources);
            assertThat(stack.dynamoDb().scan(b -> b.tableName(resources.tableName("FirebellTable"))).count()).isZero();
        }
    }
}
