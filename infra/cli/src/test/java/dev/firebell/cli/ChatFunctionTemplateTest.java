package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.FunctionSpec;
import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chat function in template.yaml: the one secret it may read (ADR 33), and the chat jobs topic that finishes
 * deferred commands (ADR 34): encrypted, published to by the chat function's role only, delivered to the function
 * with dead letters and failures in ChatFailureQueue. The generic rules (encryption, scoped IAM, failure
 * destinations, environment read == set) are checked for every function by the template tests.
 */
class ChatFunctionTemplateTest {

    private final SamTemplate template = SamTemplate.load(SamTemplate.locate());
    private final FunctionSpec chat = template.function("ChatFunction");

    @Test
    void theChatFunction_mayReadOnlyItsSigningSecretAndTheLinkKey_andPublishOnlyPagesAndJobs() {
        Map<String, List<String>> byAction = grants();

        assertThat(byAction.keySet()).containsExactlyInAnyOrder("dynamodb:BatchGetItem", "dynamodb:GetItem",
                "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "sns:Publish", "kms:Decrypt",
                "kms:GenerateDataKey", "secretsmanager:GetSecretValue", "sqs:SendMessage", "logs:CreateLogStream",
                "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords");
        // The signing secret, and the link key the pages of declare and escalate are signed with.
        assertThat(byAction.get("secretsmanager:GetSecretValue")).hasSize(2)
                .anySatisfy(secret -> assertThat(secret).endsWith(":secret:${SlackSigningSecretName}-??????}"))
                .anySatisfy(secret -> assertThat(secret).isEqualTo("{Ref=LinkKeySecret}"));
        assertThat(byAction.get("sns:Publish")).containsExactlyInAnyOrder("{Ref=PageTopic}", "{Ref=ChatJobsTopic}");
        assertThat(byAction.get("kms:Decrypt")).containsExactly("{Fn::GetAtt=[FirebellKey, Arn]}");
        assertThat(chat.environment()).containsEntry("SLACK_SIGNING_SECRET_NAME", Map.of("Ref", "SlackSigningSecretName"))
                .containsEntry("CHAT_JOB_TOPIC_ARN", Map.of("Ref", "ChatJobsTopic"));
        assertThat(template.parameters().get("SlackSigningSecretName").raw()).doesNotContainKey("NoEcho");
    }

    @Test
    void theChatJobsTopic_isEncrypted_andOnlyTheChatFunctionsRoleMayPublish() {
        assertThat(template.resource("ChatJobsTopic").properties()).containsEntry("KmsMasterKeyId",
                Map.of("Ref", "FirebellKey"));
        Map<String, Object> policy = template.resource("ChatJobsTopicPolicy").properties();
        assertThat(list(policy.get("Topics"))).containsExactly(Map.of("Ref", "ChatJobsTopic"));

        List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
        assertThat(statements).extracting(s -> map(s).get("Effect")).containsOnly("Deny");
        assertThat(statements).anySatisfy(s -> {
            Map<String, Object> statement = map(s);
            assertThat(statement).containsEntry("Principal", "*").containsEntry("Action", "sns:Publish");
            assertThat(map(map(statement.get("Condition")).get("ArnNotEquals")))
                    .containsEntry("aws:PrincipalArn", Map.of("Fn::GetAtt", List.of("ChatFunctionRole", "Arn")));
        });
    }

    @Test
    void jobs_shouldReachTheFunctionFromTheTopic_withUndeliverableAndFailedOnesInTheFailureQueue() {
        Map<String, Object> event = map(chat.events().get("ChatJob"));
        Map<String, Object> properties = map(event.get("Properties"));
        Object failureQueue = Map.of("Fn::GetAtt", List.of("ChatFailureQueue", "Arn"));

        assertThat(event.get("Type")).isEqualTo("SNS");
        assertThat(properties.get("Topic")).isEqualTo(Map.of("Ref", "ChatJobsTopic"));
        assertThat(map(properties.get("RedrivePolicy"))).containsEntry("deadLetterTargetArn", failureQueue);
        Map<String, Object> invoke = map(chat.properties().get("EventInvokeConfig"));
        assertThat(invoke).containsEntry("MaximumRetryAttempts", 0).containsEntry("MaximumEventAgeInSeconds", 300);
        assertThat(map(map(invoke.get("DestinationConfig")).get("OnFailure"))).containsEntry("Destination", failureQueue);

        // SNS may put dead letters into the queue, but only from this topic.
        Map<String, Object> queuePolicy = template.resource("ChatFailureQueuePolicy").properties();
        assertThat(list(queuePolicy.get("Queues"))).containsExactly(Map.of("Ref", "ChatFailureQueue"));
        assertThat(list(map(queuePolicy.get("PolicyDocument")).get("Statement"))).singleElement().satisfies(s -> {
            Map<String, Object> statement = map(s);
            assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "sqs:SendMessage")
                    .containsEntry("Principal", Map.of("Service", "sns.amazonaws.com"));
            assertThat(map(map(statement.get("Condition")).get("ArnEquals")))
                    .containsEntry("aws:SourceArn", Map.of("Ref", "ChatJobsTopic"));
        });
    }

    /** Every action the function's role allows, with the resources it is allowed on (as strings). */
    private Map<String, List<String>> grants() {
        Map<String, List<String>> byAction = new LinkedHashMap<>();
        List<Object> statements = new ArrayList<>();
        // Its own role (ADR 61), named by the function.
        assertThat(chat.properties().get("Role")).isEqualTo(Map.of("Fn::GetAtt", List.of("ChatFunctionRole", "Arn")));
        for (Object policy : list(template.resource("ChatFunctionRole").properties().get("Policies"))) {
            statements.addAll(list(map(map(policy).get("PolicyDocument")).get("Statement")));
        }
        for (Object s : statements) {
            Map<String, Object> statement = map(s);
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            for (Object action : list(statement.get("Action"))) {
                for (Object resource : list(statement.get("Resource"))) {
                    byAction.computeIfAbsent(String.valueOf(action), k -> new ArrayList<>()).add(String.valueOf(resource));
                }
            }
        }
        return byAction;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : o instanceof List<?> l ? (List<Object>) l : List.of(o);
    }
}
