package dev.firebell.aws.dynamodb;

import dev.firebell.incident.GroupingProperties;
import dev.firebell.incident.IncidentStore;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import java.time.Instant;
import java.time.InstantSource;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The grouping properties on the DynamoDB store, through the real SDK: the same random storms as on the in-memory
 * store, fewer of them (a try is a few hundred calls to the emulator). jqwik runs outside JUnit Jupiter, so this class
 * starts an emulator of its own with template.yaml's table, and gives each try a fresh copy of that table (quicker
 * than deleting the last try's items one by one).
 */
@PropertyDefaults(tries = 10)
class DynamoGroupingPropertiesTest extends GroupingProperties {

    private static LocalStack local;
    private static TableDescription template;
    private static String lastTable;
    private static int tries;

    @BeforeContainer
    static void startTheEmulator() {
        local = LocalStack.start();
        String table = local.provision(SamTemplate.load(SamTemplate.locate())).tableName("FirebellTable");
        template = local.dynamoDb().describeTable(r -> r.tableName(table)).table();
    }

    @AfterContainer
    static void stopTheEmulator() {
        if (local != null) {
            local.close();
        }
    }

    @Override
    protected IncidentStore emptyStore() {
        DynamoDbClient dynamo = local.dynamoDb();
        if (lastTable != null) {
            dynamo.deleteTable(r -> r.tableName(lastTable));
        }
        lastTable = template.tableName() + "-try-" + ++tries;
        dynamo.createTable(r -> r.tableName(lastTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(template.attributeDefinitions()).keySchema(template.keySchema())
                .globalSecondaryIndexes(template.globalSecondaryIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.indexName()).keySchema(i.keySchema()).projection(i.projection()).build()).toList()));
        return new DynamoIncidentStore(dynamo, lastTable, InstantSource.fixed(Instant.parse("2026-11-27T12:00:00Z")));
    }
}
