package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.local.junit.LocalStackTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The project's own template.yaml, provisioned by the JUnit extension, checked through the SDK. */
@LocalStackTest
class ProvisionRealTemplateTest {

    private final LocalStack stack;
    private final LocalResources resources;

    ProvisionRealTemplateTest(LocalStack stack, LocalResources resources) {
        this.stack = stack;
        this.resources = resources;
    }

    @Test
    void provision_shouldCreateTheIncidentsTable_withItsKeysIndexesAndTtl() {
        String name = resources.tableName("FirebellTable");
        TableDescription table = stack.dynamoDb().describeTable(b -> b.tableName(name)).table();

        assertThat(table.keySchema()).containsExactly(key("PK", KeyType.HASH), key("SK", KeyType.RANGE));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("GSI1", "GSI2", "GSI3");
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            assertThat(index.keySchema()).containsExactly(
                    key(index.indexName() + "PK", KeyType.HASH), key(index.indexName() + "SK", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        }
        TimeToLiveDescription ttl = stack.dynamoDb().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
        assertThat(resources.tableArn("FirebellTable")).isEqualTo(table.tableArn())
                .isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/FirebellTable");
    }

    @Test
    void provision_shouldCreateTheTopicsAndTheFailureQueue() {
        List<String> topics = stack.sns().listTopics().topics().stream().map(t -> t.topicArn()).toList();
        assertThat(topics).contains(
                resources.topicArn("PageTopic"), resources.topicArn("AlarmTopic"));
        assertThat(resources.topicArn("PageTopic")).isEqualTo("arn:aws:sns:us-east-1:123456789012:PageTopic");

        Map<QueueAttributeName, String> queue = stack.sqs().getQueueAttributes(b -> b
                .queueUrl(resources.queueUrl("AlarmIngestFailureQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(queue.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD)).isEqualTo("1209600");
        assertThat(queue.get(QueueAttributeName.QUEUE_ARN)).isEqualTo(resources.queueArn("AlarmIngestFailureQueue"));
    }

    @Test
    void provision_shouldGiveTheTableAStream_andKeepEveryVersionOfThePostmortemBucket() {
        String bucket = resources.bucketName("PostmortemBucket");
        assertThat(stack.s3().getBucketVersioning(b -> b.bucket(bucket)).statusAsString()).isEqualTo("Enabled");
        String put1 = stack.s3().putObject(b -> b.bucket(bucket).key("postmortems/1.md"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("one")).versionId();
        String put2 = stack.s3().putObject(b -> b.bucket(bucket).key("postmortems/1.md"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("two")).versionId();
        assertThat(put1).isNotEqualTo(put2);

        TableStream stream = new TableStream(stack, resources.tableStreamArn("FirebellTable"));
        String table = resources.tableName("FirebellTable");
        stream.read();
        stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("INCIDENT#s"),
                "SK", AttributeValue.fromS("INCIDENT"), "status", AttributeValue.fromS("TRIGGERED"))));
        stack.dynamoDb().updateItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS("INCIDENT#s"),
                "SK", AttributeValue.fromS("INCIDENT"))).updateExpression("SET #s = :r")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS("RESOLVED"))));

        List<Map<String, Object>> records = stream.read();

        assertThat(records).extracting(r -> r.get("eventName")).containsExactly("INSERT", "MODIFY");
        @SuppressWarnings("unchecked")
        Map<String, Object> modify = (Map<String, Object>) records.get(1).get("dynamodb");
        assertThat(modify.get("OldImage")).isEqualTo(Map.of("PK", Map.of("S", "INCIDENT#s"), "SK", Map.of("S", "INCIDENT"),
                "status", Map.of("S", "TRIGGERED")));
        assertThat(modify.get("NewImage")).asString().contains("RESOLVED");
        assertThat(records.get(1)).containsEntry("eventSource", "aws:dynamodb")
                .containsEntry("eventSourceARN", resources.tableStreamArn("FirebellTable"));
        assertThat(stream.read()).as("each read returns only what is new").isEmpty();
        assertThat(new String(TableStream.event(records), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("{\"Records\":[{\"eventID\":");
    }

    @Test
    void provision_shouldListWhatItDidNotCreate_withReasons() {
        assertThat(resources.skipped()).extracting(LocalResources.Skipped::logicalId)
                .contains("AlarmIngestFunction", "EscalationFunction", "AlarmTopicPolicy", "AlarmIngestErrorsAlarm");
        assertThat(resources.skipped()).allSatisfy(skipped -> assertThat(skipped.reason()).isNotBlank());
        assertThat(resources.created()).contains("FirebellTable", "PageTopic", "AlarmTopic", "AlarmIngestFailureQueue",
                "FirebellKey", "FirebellKeyAlias", "OpsAlertKey", "OpsAlertKeyAlias", "AlarmIngestLogGroup");
    }

    @Test
    void provision_shouldClaimTheStacksKeyAliasesAndLogGroups_namedAfterTheStack() {
        List<String> aliases = stack.kms().listAliasesPaginator(b -> { }).aliases().stream()
                .map(alias -> alias.aliasName()).filter(name -> name.startsWith("alias/firebell/")).toList();
        List<String> groups = stack.logs().describeLogGroups(b -> b.logGroupNamePrefix("/firebell/")).logGroups()
                .stream().map(group -> group.logGroupName()).toList();

        assertThat(aliases).containsExactlyInAnyOrder("alias/firebell/firebell-local/data",
                "alias/firebell/firebell-local/ops-alerts");
        // The SMS reply function's log group exists only with two-way SMS (template parameter SmsInboundTopicArn).
        assertThat(groups).containsExactlyInAnyOrder("/firebell/firebell-local/alarm-ingest",
                "/firebell/firebell-local/escalation", "/firebell/firebell-local/postmortem", "/firebell/firebell-local/chat",
                "/firebell/firebell-local/web",
                "/firebell/firebell-local/announcer");
        assertThat(resources.resolveString(Map.of("Fn::GetAtt", List.of("FirebellKey", "Arn"))))
                .startsWith("arn:aws:kms:us-east-1:123456789012:key/");
    }

    @Test
    void aFunctionUrl_shouldBeWhereTheFunctionIsServed_orWhereAwsWouldPutIt() {
        // GIVEN the link key and the web function's URL, as page-composing functions are given them
        Map<String, String> alarm = resources.environmentOf("AlarmIngestFunction");
        assertThat(alarm.get("LINK_KEY_SECRET_ARN")).isEqualTo(resources.secretArn("LinkKeySecret"));
        assertThat(stack.secretsManager().getSecretValue(b -> b.secretId(alarm.get("LINK_KEY_SECRET_ARN")))
                .secretString()).as("GenerateSecretString: 64 characters, no punctuation").matches("[A-Za-z0-9]{64}");

        // THEN before anything serves the web function, its URL has the shape AWS gives one
        assertThat(alarm.get("PUBLIC_BASE_URL")).matches("https://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.on\\.aws/");

        // AND once a local server serves it, that address
        LocalResources served = stack.provision(resources.template());
        served.serveFunctionUrl("WebFunction", java.net.URI.create("http://127.0.0.1:8123"));
        assertThat(served.environmentOf("AlarmIngestFunction").get("PUBLIC_BASE_URL")).isEqualTo("http://127.0.0.1:8123/");
        assertThat(served.environmentOf("WebFunction").get("PUBLIC_BASE_URL")).isEqualTo("from-requests");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> served.serveFunctionUrl("AlarmIngestFunction",
                java.net.URI.create("http://127.0.0.1:1"))).hasMessageContaining("no Function URL");
    }

    @Test
    void whatSnsWasAskedToSend_shouldBeReadable_renderingByRendering() {
        String topic = resources.topicArn("PageTopic");
        stack.sns().publish(b -> b.topicArn(topic).messageStructure("json").subject("s")
                .message("{\"default\":\"doc\",\"email\":\"mail body\"}")
                .messageAttributes(Map.of("target", software.amazon.awssdk.services.sns.model.MessageAttributeValue
                        .builder().dataType("String").stringValue("person:carol").build())));
        stack.sns().publish(b -> b.phoneNumber("+33612345678").message("Firebell: #7 acknowledged"));

        assertThat(stack.published(topic)).last().satisfies(n -> {
            assertThat(n.rendering("email")).isEqualTo("mail body");
            assertThat(n.rendering("sqs")).isEqualTo("doc");
            assertThat(n.subject()).isEqualTo("s");
            assertThat(n.attributes()).containsEntry("target", "person:carol");
        });
        assertThat(stack.smsSent()).last().satisfies(sms -> {
            assertThat(sms.phoneNumber()).isEqualTo("+33612345678");
            assertThat(sms.message()).isEqualTo("Firebell: #7 acknowledged");
        });
    }

    @Test
    void environmentOf_shouldGiveEveryFunctionItsLocalNames() {
        for (String function : resources.template().functionIds()) {
            Map<String, String> environment = resources.environmentOf(function);
            assertThat(environment).as(function).containsEntry("TABLE_NAME", "FirebellTable");
            if (!function.equals("AnnouncerFunction")) {
                assertThat(environment).as(function)
                        .containsEntry("PAGE_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:PageTopic");
            }
        }
        // The announcer pages nobody: Slack instead of the page topic.
        assertThat(resources.environmentOf("AnnouncerFunction")).doesNotContainKey("PAGE_TOPIC_ARN")
                .containsEntry("SLACK_BOT_TOKEN_SECRET_NAME", "firebell/slack/bot_token")
                .containsEntry("SLACK_API_URL", "https://slack.com/api/");
    }

    @Test
    void resolve_shouldExplainReferencesToWhatIsNotEmulated() {
        Object aliasArn = resources.template().outputs().get("AlarmIngestFunctionAliasArn").value();

        assertThatThrownBy(() -> resources.resolve(aliasArn))
                .isInstanceOf(UnresolvableReferenceException.class)
                .hasMessageStartingWith("!Ref AlarmIngestFunction.Alias (template.yaml line ")
                .hasMessageContaining("AlarmIngestFunction is an AWS::Serverless::Function, which the local stack does"
                        + " not create (moto does not run Lambda functions");
        assertThat(resources.resolve(resources.template().outputs().get("IncidentsTableName").value()))
                .isEqualTo("FirebellTable");
    }

    @Test
    void exportSdkSettings_shouldLetDefaultClientsReachTheEmulator() {
        String name = resources.tableName("FirebellTable");
        // Built the way production code builds it: no endpoint, region or credentials in code.
        try (DynamoDbClient defaultClient = DynamoDbClient.create()) {
            defaultClient.putItem(b -> b.tableName(name).item(Map.of(
                    "PK", AttributeValue.fromS("INCIDENT#1"), "SK", AttributeValue.fromS("META"))));
        }

        assertThat(stack.dynamoDb().getItem(b -> b.tableName(name).key(Map.of(
                "PK", AttributeValue.fromS("INCIDENT#1"), "SK", AttributeValue.fromS("META")))).hasItem()).isTrue();
        assertThat(System.getProperty("aws.endpointUrl")).isEqualTo(stack.endpoint().toString());
    }

    @Test
    void provision_shouldBeSafeToRunAgain_keepingWhatExists() {
        String name = resources.tableName("FirebellTable");
        stack.dynamoDb().putItem(b -> b.tableName(name).item(Map.of(
                "PK", AttributeValue.fromS("INCIDENT#again"), "SK", AttributeValue.fromS("META"))));

        LocalResources again = stack.provision(resources.template());

        assertThat(again.created()).isEqualTo(resources.created());
        assertThat(again.resolveString(Map.of("Ref", "FirebellKey"))).isEqualTo(resources.resolveString(Map.of("Ref",
                "FirebellKey")));
        assertThat(again.topicArn("PageTopic")).isEqualTo(resources.topicArn("PageTopic"));
        assertThat(again.queueUrl("AlarmIngestFailureQueue")).isEqualTo(resources.queueUrl("AlarmIngestFailureQueue"));
        assertThat(stack.dynamoDb().getItem(b -> b.tableName(name).key(Map.of(
                "PK", AttributeValue.fromS("INCIDENT#again"), "SK", AttributeValue.fromS("META")))).hasItem()).isTrue();
    }

    @Test
    void attach_shouldUseARunningEmulator_andLeaveItRunningWhenClosed() {
        try (LocalStack attached = LocalStack.attach(stack.endpoint())) {
            assertThat(attached.server()).isEmpty();
            assertThat(attached.dynamoDb().listTables().tableNames()).contains(resources.tableName("FirebellTable"));
        }

        assertThat(stack.server().orElseThrow().isAlive()).isTrue();
        assertThat(stack.dynamoDb().listTables().tableNames()).contains(resources.tableName("FirebellTable"));
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }
}
