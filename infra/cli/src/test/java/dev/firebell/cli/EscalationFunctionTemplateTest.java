package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.FunctionSpec;
import dev.firebell.local.LocalResources;
import dev.firebell.local.junit.LocalStackTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The escalation function in template.yaml: its trigger and timeout fit the handler's waiting, and its permissions
 * are the least it needs (the environment each function reads is checked for all of them by TemplateFunctionsTest).
 */
@LocalStackTest
class EscalationFunctionTemplateTest {

    private final LocalResources resources;

    EscalationFunctionTemplateTest(LocalResources resources) {
        this.resources = resources;
    }

    @Test
    void theEscalationFunction_runsEveryMinute_longEnoughToWaitForDueWork_withoutRetries() {
        FunctionSpec spec = resources.template().function("EscalationFunction");
        Map<String, Object> event = map(map(spec.events().get("EveryMinute")).get("Properties"));
        assertThat(map(spec.events().get("EveryMinute")).get("Type")).isEqualTo("ScheduleV2");
        assertThat(event.get("ScheduleExpression")).isEqualTo("rate(1 minute)");
        assertThat(map(event.get("RetryPolicy")).get("MaximumRetryAttempts")).isEqualTo(0);
        // The handler waits up to 60 s for work due before the next run and keeps 15 s in hand.
        assertThat(((Number) spec.properties().get("Timeout")).intValue()).isBetween(75, 120);
    }

    @Test
    void theEscalationFunction_hasLeastPrivilege_onScopedResources() {
        FunctionSpec spec = resources.template().function("EscalationFunction");
        Map<String, List<Object>> byAction = new LinkedHashMap<>();
        List<Object> statements = new ArrayList<>();
        // Its own role (ADR 61), named by the function.
        assertThat(spec.properties().get("Role")).isEqualTo(Map.of("Fn::GetAtt", List.of("EscalationFunctionRole", "Arn")));
        for (Object policy : list(resources.template().resource("EscalationFunctionRole").properties().get("Policies"))) {
            statements.addAll(list(map(map(policy).get("PolicyDocument")).get("Statement")));
        }
        for (Object s : statements) {
            Map<String, Object> statement = map(s);
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            Object resource = statement.get("Resource");
            List<Object> actions = list(statement.get("Action"));
            // X-Ray's trace actions support no resource scoping: the one place '*' is allowed.
            if (!actions.stream().allMatch(a -> String.valueOf(a).startsWith("xray:"))) {
                assertThat(String.valueOf(resource)).as("no wildcard resources").doesNotContain("'*'").isNotEqualTo("*");
            }
            for (Object action : actions) {
                byAction.computeIfAbsent(String.valueOf(action), k -> new ArrayList<>()).add(resource);
            }
        }
        assertThat(byAction.keySet()).containsExactlyInAnyOrder("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "sns:Publish", "secretsmanager:GetSecretValue",
                "kms:Decrypt", "kms:GenerateDataKey", "logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords");
        assertThat(byAction.get("dynamodb:Query")).extracting(String::valueOf)
                .anySatisfy(r -> assertThat(r).contains("/index/GSI1"))
                .noneSatisfy(r -> assertThat(r).contains("index/*"));
        assertThat(byAction.get("sns:Publish")).extracting(String::valueOf).containsExactly("{Ref=PageTopic}");
        // The pages it sends carry signed links: it reads the link key, and no other secret.
        assertThat(byAction.get("secretsmanager:GetSecretValue")).extracting(String::valueOf)
                .containsExactly("{Ref=LinkKeySecret}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : o instanceof List<?> l ? (List<Object>) l : List.of(o);
    }
}
