package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.local.junit.LocalStackTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Every resource kind the local stack creates, from src/test/resources/templates/messaging.yaml. */
@LocalStackTest
class ProvisionFixturesTest {

    private static LocalStack stack;
    private static LocalResources resources;

    @BeforeAll
    static void provisionTheFixture(LocalStack localStack) {
        stack = localStack;
        stack.reset();
        resources = stack.provision(Fixtures.template("messaging.yaml"));
    }

    @Test
    void subscriptionWithFilterPolicy_shouldDeliverMatchingPages_andDropTheOthers() {
        String topic = resources.topicArn("Pages");
        publish(topic, "for someone else", Map.of("target", "secondary", "severity", "critical"));
        publish(topic, "only informational", Map.of("target", "primary", "severity", "info"));
        publish(topic, "wake up", Map.of("target", "primary", "severity", "critical"));

        List<Message> received = receive(resources.queueUrl("PagesForPrimary"));

        // RawMessageDelivery: the body is the message itself, not an SNS envelope.
        assertThat(received).extracting(Message::body).containsExactly("wake up");
    }

    @Test
    void subscriptionWithMessageBodyScope_shouldFilterOnTheBody() {
        String topic = resources.topicArn("Pages");
        publish(topic, "{\"severity\": \"minor\"}", Map.of());
        publish(topic, "{\"severity\": \"critical\", \"incident\": \"42\"}", Map.of());

        assertThat(receive(resources.queueUrl("Critical"))).extracting(Message::body)
                .containsExactly("{\"severity\": \"critical\", \"incident\": \"42\"}");
    }

    @Test
    void provision_shouldSkipWhatItCannotDeliverOrCreate_sayingWhy() {
        Map<String, String> reasons = resources.skipped().stream()
                .collect(Collectors.toMap(LocalResources.Skipped::logicalId, LocalResources.Skipped::reason));

        assertThat(reasons).containsOnlyKeys("EmailSubscription", "RoleParameter", "Role", "OnlyWithFeature");
        assertThat(reasons.get("EmailSubscription")).startsWith("protocol email is not delivered locally");
        assertThat(reasons.get("RoleParameter")).contains("Role is an AWS::IAM::Role, which the local stack does not create");
        assertThat(reasons.get("OnlyWithFeature")).isEqualTo("its condition FeatureOn is false");
        assertThat(stack.sqs().listQueues().queueUrls()).noneMatch(url -> url.endsWith("/OnlyWithFeature"));
    }

    @Test
    void provision_shouldNameResourcesByTheirNamePropertiesOrLogicalIds() {
        assertThat(resources.topicArn("Events")).isEqualTo("arn:aws:sns:us-east-1:123456789012:firebell-test-events");
        assertThat(resources.queueUrl("Work")).endsWith("/123456789012/firebell-test-work");
        assertThat(resources.tableName("Provisioned")).isEqualTo("firebell-test-provisioned");
        assertThat(resources.tableName("Simple")).isEqualTo("Simple");
        assertThat(resources.bucketName("Archive")).isEqualTo("archive");
        assertThat(resources.bucketName("NamedArchive")).isEqualTo("firebell-named-archive");
        assertThat(resources.parameterName("Setting")).isEqualTo("/firebell/test/page-topic");
    }

    @Test
    void provision_shouldCreateFifoTopicsAndQueues() {
        assertThat(resources.topicArn("OrderedTopic")).endsWith(":OrderedTopic.fifo");
        assertThat(stack.sns().getTopicAttributes(b -> b.topicArn(resources.topicArn("OrderedTopic")))
                .attributes()).containsEntry("FifoTopic", "true");
        Map<QueueAttributeName, String> ordered = queueAttributes("Ordered");
        assertThat(resources.queueUrl("Ordered")).endsWith("/Ordered.fifo");
        assertThat(ordered).containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
    }

    @Test
    void provision_shouldSetRedrivePolicies_toOtherTemplateQueues() {
        // moto re-serialises the policy with spaces after ':' and ','; AWS returns it compact.
        assertThat(queueAttributes("Work").get(QueueAttributeName.REDRIVE_POLICY).replace(" ", ""))
                .contains("\"deadLetterTargetArn\":\"" + resources.queueArn("WorkDeadLetters") + "\"")
                .contains("\"maxReceiveCount\":3");
        assertThat(queueAttributes("PagesForPrimary")).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "5");
    }

    @Test
    void provision_shouldCreateProvisionedTables_withLocalIndexesAndStreams() {
        TableDescription table = stack.dynamoDb()
                .describeTable(b -> b.tableName(resources.tableName("Provisioned"))).table();

        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
        LocalSecondaryIndexDescription byTime = table.localSecondaryIndexes().get(0);
        assertThat(byTime.indexName()).isEqualTo("ByTime");
        assertThat(byTime.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byTime.projection().nonKeyAttributes()).containsExactly("status");
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(resources.tableStreamArn("Provisioned")).isEqualTo(table.latestStreamArn()).isNotBlank();
        assertThat(resources.resolve(Map.of("Fn::GetAtt", List.of("Provisioned", "StreamArn"))))
                .isEqualTo(table.latestStreamArn());
    }

    @Test
    void provision_shouldCreateSamSimpleTables() {
        TableDescription table = stack.dynamoDb().describeTable(b -> b.tableName(resources.tableName("Simple"))).table();

        assertThat(table.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("key"));
        assertThat(table.attributeDefinitions()).singleElement()
                .satisfies(attribute -> assertThat(attribute.attributeType()).isEqualTo(ScalarAttributeType.N));
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void provision_shouldCreateBucketsParametersAndSecrets() {
        stack.s3().headBucket(b -> b.bucket("archive"));
        stack.s3().headBucket(b -> b.bucket("firebell-named-archive"));
        assertThat(resources.resolve(Map.of("Fn::GetAtt", List.of("Archive", "Arn")))).isEqualTo("arn:aws:s3:::archive");

        assertThat(stack.ssm().getParameter(b -> b.name("/firebell/test/page-topic")).parameter().value())
                .isEqualTo(resources.topicArn("Pages"));

        String secret = stack.secretsManager().getSecretValue(b -> b.secretId(resources.secretArn("Credentials")))
                .secretString();
        assertThat(secret).startsWith("{\"user\": \"firebell\",\"password\":\"").endsWith("\"}");
        assertThat(secret.substring(secret.indexOf(":\"", secret.indexOf("password")) + 2, secret.length() - 2))
                .hasSize(20);
    }

    @Test
    void provisioningAgain_shouldKeepAGeneratedSecretsValue_asAStackUpdateDoes() {
        String before = stack.secretsManager().getSecretValue(b -> b.secretId(resources.secretArn("Credentials")))
                .secretString();

        LocalResources again = stack.provision(Fixtures.template("messaging.yaml"));

        assertThat(again.secretArn("Credentials")).isEqualTo(resources.secretArn("Credentials"));
        assertThat(stack.secretsManager().getSecretValue(b -> b.secretId(again.secretArn("Credentials")))
                .secretString()).isEqualTo(before);
    }

    @Test
    void provision_shouldUseParameterOverrides_inNames() {
        LocalResources qa = stack.provision(Fixtures.template("messaging.yaml"), Map.of("Stage", "qa"));

        assertThat(qa.topicArn("Events")).endsWith(":firebell-qa-events");
        assertThat(qa.tableName("Provisioned")).isEqualTo("firebell-qa-provisioned");
        assertThat(stack.dynamoDb().listTables().tableNames()).contains("firebell-qa-provisioned", "firebell-test-provisioned");
    }

    @Test
    void provision_shouldNameTheResourceAndLine_whenTheEmulatorRefusesIt() {
        SamTemplate undefinedKey = SamTemplate.parse("Resources:\n  Broken:\n    Type: AWS::DynamoDB::Table\n"
                + "    Properties:\n      BillingMode: PAY_PER_REQUEST\n"
                + "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
                + "      KeySchema: [{AttributeName: other, KeyType: HASH}]\n", "broken.yaml");
        SamTemplate noKeys = SamTemplate.parse("Resources:\n  Keyless:\n    Type: AWS::DynamoDB::Table\n"
                + "    Properties:\n      BillingMode: PAY_PER_REQUEST\n", "keyless.yaml");

        assertThatThrownBy(() -> stack.provision(undefinedKey))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("Broken (AWS::DynamoDB::Table, broken.yaml line 3): the emulator refused it: ")
                .hasMessageContaining("Some index key attributes are not defined in AttributeDefinitions");
        // moto itself would accept a table without keys.
        assertThatThrownBy(() -> stack.provision(noKeys))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("Keyless (keyless.yaml line 3): KeySchema is missing");
    }

    @Test
    void bucketName_shouldBeDnsSafe() {
        assertThat(Provisioner.bucketName("IncidentArchive")).isEqualTo("incidentarchive");
        assertThat(Provisioner.bucketName("A")).isEqualTo("a-bucket");
        assertThat(Provisioner.bucketName("X".repeat(80))).hasSize(63);
    }

    private static void publish(String topicArn, String message, Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        attributes.forEach((name, value) ->
                values.put(name, MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        stack.sns().publish(b -> b.topicArn(topicArn).message(message).messageAttributes(values));
    }

    /** moto delivers during Publish, so what is not in the queue now was filtered out. */
    private static List<Message> receive(String queueUrl) {
        return stack.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
    }

    private static Map<QueueAttributeName, String> queueAttributes(String logicalId) {
        return stack.sqs().getQueueAttributes(b -> b.queueUrl(resources.queueUrl(logicalId))
                .attributeNames(QueueAttributeName.ALL)).attributes();
    }
}
