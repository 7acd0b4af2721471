package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.FunctionSpec;
import dev.firebell.local.LocalResources;
import dev.firebell.local.junit.LocalStackTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** template.yaml against the code: environment variables, and the escalation function's trigger and permissions. */
@LocalStackTest
class TemplateContractTest {

    private final LocalResources resources;

    TemplateContractTest(LocalResources resources) {
        this.resources = resources;
    }

    @Test
    void everyFunction_readsExactlyTheEnvironmentVariablesTheTemplateSets() throws Exception {
        List<String> functions = resources.template().functionIds();
        assertThat(functions).contains("AlarmIngestFunction", "EscalationFunction");
        for (String id : functions) {
            FunctionSpec spec = resources.template().function(id);
            Map<String, String> set = resources.environmentOf(id);
            FunctionEnvironment env = new FunctionEnvironment(set);
            Object handler = Class.forName(spec.handlerClass()).getConstructor(FunctionEnvironment.class).newInstance(env);
            assertThat(handler).isInstanceOf(RequestStreamHandler.class);

            // Names Lambda itself provides (AWS_*) are read optionally to choose credentials; the rest must match.
            Set<String> read = new TreeSet<>(env.namesRead());
            read.removeIf(name -> name.startsWith("AWS_"));
            assertThat(read).as("%s reads what the template sets", id).isEqualTo(new TreeSet<>(set.keySet()));
        }
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
        for (Object policy : spec.policies()) {
            statements.addAll(list(map(policy).get("Statement")));
        }
        for (Object s : statements) {
            Map<String, Object> statement = map(s);
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            Object resource = statement.get("Resource");
            assertThat(String.valueOf(resource)).as("no wildcard resources").doesNotContain("'*'").isNotEqualTo("*");
            for (Object action : statement.get("Action") instanceof List<?> l ? l : List.of(statement.get("Action"))) {
                byAction.computeIfAbsent(String.valueOf(action), k -> new ArrayList<>()).add(resource);
            }
        }
        assertThat(byAction.keySet()).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem", "sns:Publish", "kms:Decrypt", "kms:GenerateDataKey");
        assertThat(byAction.get("dynamodb:Query")).extracting(String::valueOf)
                .anySatisfy(r -> assertThat(r).contains("/index/GSI1"))
                .noneSatisfy(r -> assertThat(r).contains("index/*"));
        assertThat(byAction.get("sns:Publish")).extracting(String::valueOf).containsExactly("{Ref=PageTopic}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of(o);
    }
}
