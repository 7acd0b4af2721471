package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The member-account template (infra/member, deployed as a StackSet): its rule forwards this account's CloudWatch alarm
 * state changes, and nothing else, to the central bus, through a role only EventBridge may assume for that rule and
 * that may put events on that bus only (docs/accounts.md, docs/adr/0110). cfn-lint checks it with every template
 * under infra/ ({@link CfnLintTest}).
 */
class MemberTemplateTest {

    static final Path MEMBER = ProjectFiles.root().resolve("infra/member/alarm-forwarding.yaml");
    private static final SamTemplate TEMPLATE = SamTemplate.load(MEMBER);
    private static final String BUS = "arn:aws:events:eu-west-1:123456789012:event-bus/firebell-prod-alarms";
    private static final String MEMBER_ACCOUNT = "111122223333";

    @Test
    void rule_shouldForwardThisAccountsAlarmStateChanges_only() throws IOException {
        EventFilter rule = EventFilter.forRule(stack(), "ForwardingRule");
        Map<String, Object> demo = AlarmRuleTest.demoEvents().get(0);
        Map<String, Object> alarm = AlarmIntakeTemplateTest.from(demo, MEMBER_ACCOUNT, "us-east-1", "orders-5xx");

        assertThat(rule.matches(alarm)).as("an alarm state change").isTrue();
        assertThat(rule.matches(with(alarm, "detail-type", "CloudWatch Alarm Configuration Change"))).isFalse();
        assertThat(rule.matches(with(alarm, "source", "aws.ec2"))).isFalse();
        assertThat(rule.matches(with(alarm, "source", "com.example.orders"))).isFalse();
        assertThat(rule.matches(AlarmIntakeTemplateTest.from(demo, MEMBER_ACCOUNT, "us-east-1",
                "Firebell/firebell-team/alarm-ingest-errors"))).as("a Firebell stack's own alarm").isFalse();
    }

    @Test
    void rule_shouldHaveOneTarget_theCentralBus_throughTheRole_keepingWhatItRefuses() {
        Map<String, Object> rule = TEMPLATE.resource("ForwardingRule").properties();
        Map<String, Object> target = map(list(rule.get("Targets")).get(0));

        assertThat(list(rule.get("Targets"))).hasSize(1);
        assertThat(rule).containsEntry("State", "ENABLED").doesNotContainKey("EventBusName");
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "CentralEventBusArn"));
        assertThat(target.get("RoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("ForwardingRole", "Arn")));
        assertThat(at(target, "DeadLetterConfig", "Arn")).contains(Map.of("Fn::GetAtt",
                List.of("ForwardingFailureQueue", "Arn")));
    }

    @Test
    void role_shouldBeAssumedByEventBridgeOnly_forThisAccountsForwardingRule() {
        LocalResources stack = stack();
        List<Object> trust = list(at(TEMPLATE.resource("ForwardingRole").properties(), "AssumeRolePolicyDocument",
                "Statement").orElseThrow());

        assertThat(trust).hasSize(1);
        Map<String, Object> statement = map(stack.resolve(trust.get(0)));
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "sts:AssumeRole")
                .containsEntry("Principal", Map.of("Service", "events.amazonaws.com"));
        assertThat(at(statement, "Condition", "StringEquals", "aws:SourceAccount")).contains(stack.accountId());
        assertThat(at(statement, "Condition", "ArnEquals", "aws:SourceArn")).contains("arn:aws:events:"
                + stack.region() + ":" + stack.accountId() + ":rule/firebell-alarm-forwarding");
        assertThat(stack.resolve(TEMPLATE.resource("ForwardingRule").properties().get("Name")))
                .as("the rule the trust names").isEqualTo("firebell-alarm-forwarding");
    }

    @Test
    void role_shouldPutEventsOnTheCentralBus_andDoNothingElse() {
        LocalResources stack = stack();
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(TEMPLATE.resource("ForwardingRole").properties().get("Policies"))) {
            list(at(policy, "PolicyDocument", "Statement").orElseThrow())
                    .forEach(s -> statements.add(map(stack.resolve(s))));
        }
        assertThat(TEMPLATE.resource("ForwardingRole").properties()).doesNotContainKey("ManagedPolicyArns");

        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("Effect", "Allow").containsEntry("Action", "events:PutEvents")
                    .containsEntry("Resource", BUS);
        });
    }

    @Test
    void template_shouldOpenNothingToAnyone() {
        List<String> wildcards = new ArrayList<>();
        Map<String, Object> resources = new LinkedHashMap<>();
        TEMPLATE.resources().forEach((id, resource) -> resources.put(id, resource.raw()));
        TemplateData.walk(resources, new ArrayList<>(), (value, path) -> {
            String last = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
            if ((last.equals("Principal") || last.equals("AWS")) && "*".equals(value)) {
                wildcards.add(TemplateData.render(path));
            }
            if (last.equals("Resource") && "*".equals(value)) {
                wildcards.add(TemplateData.render(path));
            }
        });
        assertThat(wildcards).isEmpty();
        // Its dead letters: only from its own rule
        Map<String, Object> queuePolicy = map(list(at(TEMPLATE.resource("ForwardingFailureQueuePolicy").properties(),
                "PolicyDocument", "Statement").orElseThrow()).get(0));
        assertThat(at(queuePolicy, "Condition", "ArnEquals", "aws:SourceArn")).contains(Map.of("Fn::GetAtt",
                List.of("ForwardingRule", "Arn")));
    }

    @Test
    void parameters_shouldTakeTheFirebellStacksBusArn_andRefuseAnythingElse() {
        Pattern bus = Pattern.compile(String.valueOf(TEMPLATE.parameters().get("CentralEventBusArn").raw()
                .get("AllowedPattern")));

        assertThat(bus.matcher(BUS).matches()).isTrue();
        assertThat(bus.matcher("arn:aws-us-gov:events:us-gov-west-1:123456789012:event-bus/firebell-alarms").matches())
                .isTrue();
        assertThat(bus.matcher("arn:aws:events:eu-west-1:123456789012:rule/firebell-prod-alarms").matches()).isFalse();
        assertThat(bus.matcher("*").matches()).isFalse();
        assertThat(TEMPLATE.parameters().get("CentralEventBusArn").hasDefault()).as("no bus by default").isFalse();
    }

    private static LocalResources stack() {
        return LocalResources.unprovisioned(TEMPLATE, "StackSet-firebell-alarm-forwarding-0f1e2d3c",
                Map.of("CentralEventBusArn", BUS));
    }

    private static Map<String, Object> with(Map<String, Object> event, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        copy.put(key, value);
        return copy;
    }
}
