package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Intrinsic evaluation against known physical names, no emulator needed (provisioning is tested elsewhere). */
class LocalResourcesTest {

    private static final String TABLE_ARN = "arn:aws:dynamodb:eu-west-1:123456789012:table/Table";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:Topic";
    private static final String QUEUE_URL = "http://127.0.0.1:5000/123456789012/Queue";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:Queue";

    private SamTemplate template;
    private LocalResources resources;

    @BeforeEach
    void registerPhysicalNames() {
        template = Fixtures.template("resolution.yaml");
        resources = resourcesWith(Map.of());
    }

    private LocalResources resourcesWith(Map<String, String> overrides) {
        LocalResources local = new LocalResources(template, LocalResources.STACK_NAME, "eu-west-1", "123456789012", overrides);
        local.created("Table", "AWS::DynamoDB::Table", "Table", Map.of("Arn", () -> TABLE_ARN));
        local.created("Topic", "AWS::SNS::Topic", TOPIC_ARN, Map.of("TopicArn", () -> TOPIC_ARN));
        local.created("Queue", "AWS::SQS::Queue", QUEUE_URL,
                Map.of("Arn", () -> QUEUE_ARN, "QueueUrl", () -> QUEUE_URL));
        local.skipped("Key", "AWS::KMS::Key", "encryption at rest is not emulated");
        return local;
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    @Test
    void resolve_shouldGiveResourcesTheirRefValues() {
        assertThat(resources.resolve(ref("Table"))).isEqualTo("Table");
        assertThat(resources.resolve(ref("Topic"))).isEqualTo(TOPIC_ARN);
        assertThat(resources.resolve(ref("Queue"))).isEqualTo(QUEUE_URL);
    }

    @Test
    void resolve_shouldGivePseudoParametersAndParameterDefaults() {
        assertThat(resources.resolve(ref("AWS::Region"))).isEqualTo("eu-west-1");
        assertThat(resources.resolve(ref("AWS::AccountId"))).isEqualTo("123456789012");
        assertThat(resources.resolve(ref("AWS::Partition"))).isEqualTo("aws");
        assertThat(resources.resolve(ref("AWS::StackName"))).isEqualTo("firebell-local");
        assertThat(resources.resolve(ref("AWS::URLSuffix"))).isEqualTo("amazonaws.com");
        assertThat(resources.resolve(ref("AWS::NoValue"))).isNull();
        assertThat(resources.resolve(ref("Stage"))).isEqualTo("dev");
        assertThat(resources.resolve(ref("Retention"))).as("parameters are text").isEqualTo("14");
        assertThat(resources.resolve(ref("Zones"))).isEqualTo(List.of("a", "b"));
    }

    @Test
    void resolve_shouldUseParameterOverrides() {
        LocalResources prod = resourcesWith(Map.of("Stage", "prod", "Secret", "s3cret"));

        assertThat(prod.resolve(ref("Stage"))).isEqualTo("prod");
        assertThat(prod.resolve(ref("Secret"))).isEqualTo("s3cret");
        assertThat(prod.condition("IsProd")).isTrue();
        assertThatThrownBy(() -> resourcesWith(Map.of("Stag", "prod")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter override Stag: resolution.yaml has no such parameter");
    }

    @Test
    void resolve_shouldEvaluateGetAtt_inBothForms() {
        assertThat(resources.resolve(Map.of("Fn::GetAtt", List.of("Table", "Arn")))).isEqualTo(TABLE_ARN);
        assertThat(resources.resolve(Map.of("Fn::GetAtt", "Queue.Arn"))).isEqualTo(QUEUE_ARN);
        assertThat(resources.resolve(Map.of("Fn::GetAtt", List.of("Queue", ref("QueueAttribute")))))
                .as("an attribute name given by Ref is resolved first")
                .isEqualTo(QUEUE_ARN);
    }

    @Test
    void resolve_shouldEvaluateSub_inBothForms() {
        assertThat(resources.resolve(Map.of("Fn::Sub", "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:x")))
                .isEqualTo("arn:aws:sns:eu-west-1:123456789012:x");
        assertThat(resources.resolve(Map.of("Fn::Sub", "${Table.Arn}/index/*"))).isEqualTo(TABLE_ARN + "/index/*");
        assertThat(resources.resolve(Map.of("Fn::Sub", "${Stage}-${!Literal}-${Retention}")))
                .isEqualTo("dev-${Literal}-14");
        assertThat(resources.resolve(Map.of("Fn::Sub",
                List.of("${Name}@${Topic}", Map.of("Name", Map.of("Fn::Join", List.of("-", List.of("a", ref("Stage")))))))))
                .isEqualTo("a-dev@" + TOPIC_ARN);
    }

    @Test
    void resolve_shouldEvaluateJoinSelectSplitAndTheOthers() {
        assertThat(resources.resolve(Map.of("Fn::Join", List.of(":", List.of("a", ref("Stage"), 3)))))
                .isEqualTo("a:dev:3");
        assertThat(resources.resolve(Map.of("Fn::Join", List.of(",", ref("Zones"))))).isEqualTo("a,b");
        assertThat(resources.resolve(Map.of("Fn::Select", List.of("1", List.of("x", ref("Topic"))))))
                .isEqualTo(TOPIC_ARN);
        assertThat(resources.resolve(Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", "a/b/c"))))))
                .isEqualTo("c");
        assertThat(resources.resolve(Map.of("Fn::FindInMap", List.of("Memory", ref("Stage"), "Size")))).isEqualTo(512);
        assertThat(resources.resolve(Map.of("Fn::Base64", ref("Stage"))))
                .isEqualTo(Base64.getEncoder().encodeToString("dev".getBytes()));
        assertThat(resources.resolve(Map.of("Fn::GetAZs", ""))).isEqualTo(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));
        assertThat(resources.resolve(Map.of("Fn::If", List.of("IsDev", "small", "big")))).isEqualTo("small");
        assertThat(resources.condition("LongRetention")).as("a Number parameter compares as text").isTrue();
    }

    @Test
    void resolve_shouldDropKeysAndItemsThatAreNoValue_insideMapsAndLists() {
        Object value = Map.of(
                "keep", ref("Stage"),
                "drop", Map.of("Fn::If", List.of("IsProd", "x", ref("AWS::NoValue"))),
                "list", List.of(ref("AWS::NoValue"), "b"));

        assertThat(resources.resolve(value)).isEqualTo(Map.of("keep", "dev", "list", List.of("b")));
    }

    @Test
    void environmentOf_shouldResolveEveryVariable_withGlobalsMerged() {
        assertThat(resources.environmentOf("Worker")).containsExactly(
                Map.entry("STAGE", "dev"),
                Map.entry("TABLE_NAME", "Table"),
                Map.entry("TOPIC_ARN", TOPIC_ARN),
                Map.entry("QUEUE_URL", QUEUE_URL),
                Map.entry("INDEX_ARN", TABLE_ARN + "/index/*"),
                Map.entry("RETENTION", "14"),
                Map.entry("MEMORY", "512"),
                Map.entry("DEBUG", "true"));
    }

    @Test
    void environmentOf_shouldNameTheFunctionVariableAndReference_whenAResourceIsNotEmulated() {
        assertThatThrownBy(() -> resources.environmentOf("Broken"))
                .isInstanceOf(UnresolvableReferenceException.class)
                .hasMessage("Broken: environment variable KEY_ARN: !Sub ['key=${KeyArn}', {KeyArn: !GetAtt Key.Arn}]"
                        + " (resolution.yaml line 59): cannot resolve ${KeyArn}: !GetAtt Key.Arn (resolution.yaml line 61):"
                        + " Key is an AWS::KMS::Key, which the local stack does not create"
                        + " (encryption at rest is not emulated)");
    }

    @Test
    void resolve_shouldExplainEachUnresolvableReference() {
        assertThatThrownBy(() -> resources.resolve(ref("Nope")))
                .isInstanceOf(UnresolvableReferenceException.class)
                .hasMessage("!Ref Nope (resolution.yaml): no parameter, pseudo parameter or resource named 'Nope'"
                        + " in resolution.yaml");
        assertThatThrownBy(() -> resources.resolve(ref("Secret")))
                .hasMessageEndingWith("parameter Secret has no Default; pass it as a parameter override");
        assertThatThrownBy(() -> resources.resolve(ref("Worker.Alias")))
                .hasMessageEndingWith("Worker (AWS::Serverless::Function) has not been created locally");
        assertThatThrownBy(() -> resources.resolve(Map.of("Fn::GetAtt", List.of("Topic", "Arn"))))
                .hasMessageEndingWith("Topic (AWS::SNS::Topic) has no attribute 'Arn' locally; it has: TopicArn");
        assertThatThrownBy(() -> resources.resolve(Map.of("Fn::Sub", "${Table.StreamArn}")))
                .hasMessageContaining("cannot resolve ${Table.StreamArn}: Table (AWS::DynamoDB::Table) has no attribute");
        assertThatThrownBy(() -> resources.resolve(Map.of("Fn::Sub", "${Stage")))
                .hasMessageEndingWith("'${' at offset 0 is never closed");
        assertThatThrownBy(() -> resources.resolve(Map.of("Fn::ImportValue", "shared-vpc")))
                .hasMessage("!ImportValue shared-vpc (resolution.yaml): Fn::ImportValue is not supported by the local resolver");
        assertThatThrownBy(() -> resources.resolve(Map.of("Fn::Select", List.of(5, List.of("a")))))
                .hasMessageEndingWith("index 5 is outside the 1 values");
        assertThatThrownBy(() -> resources.resolve(Map.of("Fn::If", List.of("Missing", "a", "b"))))
                .hasMessageEndingWith("no condition named Missing in resolution.yaml");
        assertThatThrownBy(() -> resources.resolveString(ref("Zones")))
                .hasMessage("!Ref Zones (resolution.yaml) gives [a, b], not a string");
    }

    @Test
    void typedAccessors_shouldNameWhatExists_whenAskedForTheWrongKind() {
        assertThat(resources.tableName("Table")).isEqualTo("Table");
        assertThat(resources.tableArn("Table")).isEqualTo(TABLE_ARN);
        assertThat(resources.topicArn("Topic")).isEqualTo(TOPIC_ARN);
        assertThat(resources.queueUrl("Queue")).isEqualTo(QUEUE_URL);
        assertThat(resources.queueArn("Queue")).isEqualTo(QUEUE_ARN);
        assertThatThrownBy(() -> resources.tableName("Topic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Topic' is not a local DynamoDB table (it is an AWS::SNS::Topic); DynamoDB tables: Table");
        assertThatThrownBy(() -> resources.queueUrl("Key"))
                .hasMessage("'Key' is not a local SQS queue (Key is an AWS::KMS::Key, which the local stack does not"
                        + " create (encryption at rest is not emulated)); SQS queues: Queue");
    }
}
