package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.firebell.aws.Json;
import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Alarms from other accounts, as template.yaml creates them for each choice of parameters (docs/adr/0110, 0111): the
 * central event bus and its policy, its rule into the alarm function, and the alarm topic's policy. Off by default;
 * never a wildcard principal without an organization or account condition; the bus policy within EventBridge's 10 KB at
 * the largest values the parameters allow.
 */
class AlarmIntakeTemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(ProjectFiles.template());
    private static final String ORG = "o-a1b2c3d4e5";
    private static final String UNIT = ORG + "/r-ab12/ou-ab12-11111111/*";
    /** What EventBridge allows a bus policy (PutPermission: "cannot exceed 10 KB"). */
    static final int BUS_POLICY_LIMIT = 10 * 1024;

    @Test
    void byDefault_thereShouldBeNoBus_noRule_andTheTopicShouldAdmitThisAccountsAlarmsOnly() {
        LocalResources stack = stack(Map.of());

        assertThat(List.of("AlarmIntakeBus", "AlarmIntakeRule", "AlarmIntakeRuleInvokePermission"))
                .allSatisfy(id -> assertThat(exists(stack, id)).as(id).isFalse());
        assertThat(topicStatements(stack)).singleElement().satisfies(s -> {
            assertThat(s.get("Sid")).isEqualTo("CloudWatchAlarmsOfThisAccountPublish");
            assertThat(at(s, "Condition", "StringEquals", "aws:SourceAccount")).contains(stack.accountId());
        });
    }

    @Test
    void organization_shouldBeAdmittedByItsId_forCloudWatchAlarmStateChangesOnly() {
        LocalResources stack = stack(Map.of("OrganizationId", ORG));

        assertThat(exists(stack, "AlarmIntakeBus")).isTrue();
        Map<String, Object> statement = single(busStatements(stack));
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Principal", "*")
                .containsEntry("Action", "events:PutEvents").containsEntry("Resource",
                        "arn:aws:events:" + stack.region() + ":" + stack.accountId() + ":event-bus/firebell-prod-alarms");
        assertThat(map(statement.get("Condition"))).containsOnlyKeys("StringEquals", "ForAllValues:StringEquals");
        assertThat(at(statement, "Condition", "StringEquals")).contains(Map.of("aws:PrincipalOrgID", ORG,
                "events:detail-type", "CloudWatch Alarm State Change"));
        assertThat(at(statement, "Condition", "ForAllValues:StringEquals", "events:source")).contains(
                List.of("aws.cloudwatch"));
    }

    @Test
    void organizationalUnitPaths_shouldNarrowTheOrganization_onItsPrincipalsPaths() {
        LocalResources stack = stack(Map.of("OrganizationId", ORG, "OrganizationalUnitPaths",
                UNIT + "," + ORG + "/*/ou-ab12-22222222/"));

        Map<String, Object> bus = single(busStatements(stack));
        assertThat(at(bus, "Condition", "StringEquals", "aws:PrincipalOrgID")).contains(ORG);
        assertThat(at(bus, "Condition", "ForAnyValue:StringLike", "aws:PrincipalOrgPaths"))
                .contains(List.of(UNIT, ORG + "/*/ou-ab12-22222222/"));
        Map<String, Object> topic = topicStatement(stack, "CloudWatchAlarmsOfTheOrganizationPublish");
        assertThat(at(topic, "Condition", "StringEquals", "aws:SourceOrgID")).contains(ORG);
        assertThat(at(topic, "Condition", "ForAnyValue:StringLike", "aws:SourceOrgPaths"))
                .contains(List.of(UNIT, ORG + "/*/ou-ab12-22222222/"));
        assertThat(topic.get("Principal")).isEqualTo(Map.of("Service", "cloudwatch.amazonaws.com"));
    }

    @Test
    void listedAccounts_shouldBeAdmittedByTheirIds_onTheBusAndTheTopic() {
        LocalResources stack = stack(Map.of("MemberAccountIds", "111122223333,444455556666"));

        assertThat(at(single(busStatements(stack)), "Condition", "StringEquals", "aws:PrincipalAccount"))
                .contains(List.of("111122223333", "444455556666"));
        assertThat(at(topicStatement(stack, "CloudWatchAlarmsOfListedAccountsPublish"), "Condition", "StringEquals",
                "aws:SourceAccount")).contains(List.of("111122223333", "444455556666"));
        assertThat(topicStatements(stack)).extracting(s -> s.get("Sid")).doesNotContain(
                "CloudWatchAlarmsOfTheOrganizationPublish");
    }

    @Test
    void everyChoice_shouldAdmitAWildcardPrincipalOnlyUnderAnOrganizationOrAccountCondition() {
        for (Map<String, String> parameters : List.of(Map.of("OrganizationId", ORG),
                Map.of("OrganizationId", ORG, "OrganizationalUnitPaths", UNIT),
                Map.of("MemberAccountIds", "111122223333"),
                Map.of("OrganizationId", ORG, "MemberAccountIds", "111122223333"))) {
            List<Map<String, Object>> statements = busStatements(stack(parameters));
            assertThat(statements).as("%s", parameters).isNotEmpty();
            assertThat(wildcardsWithoutOrganizationOrAccount(statements)).as("%s", parameters).isEmpty();
        }
    }

    @Test
    void wildcardCheck_shouldCatchAStatementOpenToAnyone_orScopedOnlyByWhatIsSent() {
        Map<String, Object> anyone = Map.of("Effect", "Allow", "Principal", "*", "Action", "events:PutEvents");
        Map<String, Object> sourceOnly = Map.of("Effect", "Allow", "Principal", Map.of("AWS", "*"), "Action",
                "events:PutEvents", "Condition", Map.of("StringEquals", Map.of("events:source", "aws.cloudwatch")));
        Map<String, Object> anyOrganization = Map.of("Effect", "Allow", "Principal", "*", "Action", "events:PutEvents",
                "Condition", Map.of("StringLike", Map.of("aws:PrincipalOrgID", "*")));

        assertThat(wildcardsWithoutOrganizationOrAccount(List.of(anyone, sourceOnly, anyOrganization))).hasSize(3);
    }

    @Test
    void unitPaths_withoutAnOrganization_shouldBeRefused_asTheTemplatesRuleSays() {
        assertThatThrownBy(() -> stack(Map.of("OrganizationalUnitPaths", UNIT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the parameters break rule UnitPathsNeedTheirOrganization of template.yaml:"
                        + " OrganizationalUnitPaths narrow an organization; set OrganizationId (o-...) too");
    }

    @Test
    void parameterPatterns_shouldTakeTheDocumentedForms_andCapWhatTheBusPolicyHolds() {
        Pattern paths = allowedPattern("OrganizationalUnitPaths");
        assertThat(paths.matcher(UNIT).matches()).isTrue();
        assertThat(paths.matcher(ORG + "/r-ab12/ou-ab12-11111111/ou-ab12-33333333/").matches()).isTrue();
        assertThat(paths.matcher(ORG + "/*/ou-ab12-22222222/*").matches()).isTrue();
        assertThat(paths.matcher("ou-ab12-11111111").matches()).as("an OU id alone is not a path").isFalse();
        assertThat(paths.matcher(String.join(",", Collections.nCopies(5, UNIT))).matches()).isTrue();
        assertThat(paths.matcher(String.join(",", Collections.nCopies(6, UNIT))).matches()).isFalse();

        Pattern accounts = allowedPattern("MemberAccountIds");
        assertThat(accounts.matcher(accountIds(300)).matches()).isTrue();
        assertThat(accounts.matcher(accountIds(301)).matches()).isFalse();
        assertThat(accounts.matcher("11112222333").matches()).isFalse();
        assertThat(allowedPattern("OrganizationId").matcher("o-a1b2c3d4e5").matches()).isTrue();
    }

    @Test
    void busPolicy_shouldFitEventBridgesTenKilobytes_atTheLargestValuesTheParametersAllow() {
        // GIVEN every parameter at its longest: the longest organization id, 5 paths each 5 units deep with the longest
        // ids the pattern allows, and 300 accounts
        String org = "o-" + "a".repeat(32);
        String path = org + "/r-" + "b".repeat(32) + ("/ou-" + "c".repeat(32) + "-" + "d".repeat(32)).repeat(5) + "/*";
        Map<String, String> largest = Map.of("OrganizationId", org,
                "OrganizationalUnitPaths", String.join(",", Collections.nCopies(5, path)),
                "MemberAccountIds", accountIds(300));
        largest.forEach((name, value) -> assertThat(allowedPattern(name).matcher(value).matches()).as(name).isTrue());

        // WHEN the bus policy is rendered as CloudFormation sends it (compact JSON)
        LocalResources stack = stack(largest);
        Object policy = stack.resolve(TEMPLATE.resource("AlarmIntakeBus").properties().get("Policy"));
        int size = Json.write(policy).getBytes(StandardCharsets.UTF_8).length;

        // THEN it fits, with room to spare for a longer stack name or region
        assertThat(size).as("bus policy bytes at the largest parameters").isLessThan(BUS_POLICY_LIMIT - 512);
    }

    @Test
    void intakeRule_shouldTakeOtherAccountsAlarms_butNeitherThisAccountsInThisRegion_norAnyFirebellStacksOwn()
            throws IOException {
        LocalResources stack = stack(Map.of("OrganizationId", ORG));
        EventFilter rule = EventFilter.forRule(stack, "AlarmIntakeRule");
        Map<String, Object> event = AlarmRuleTest.demoEvents().get(0);

        // An application alarm of a member account, in any region; this account's in another region
        assertThat(rule.matches(from(event, "111122223333", "us-east-1", "orders-5xx"))).isTrue();
        assertThat(rule.matches(from(event, "444455556666", stack.region(), "orders-5xx"))).isTrue();
        assertThat(rule.matches(from(event, stack.accountId(), "eu-central-1", "orders-5xx"))).isTrue();
        // This account's alarms in this region are the default bus rule's (AlarmScope's), never taken twice
        assertThat(rule.matches(from(event, stack.accountId(), stack.region(), "orders-5xx"))).isFalse();
        // A Firebell stack's own alarm, from any account
        assertThat(rule.matches(from(event, "111122223333", "us-east-1", "Firebell/firebell-team/alarm-ingest-errors")))
                .isFalse();
        // Anything but an alarm state change
        Map<String, Object> configurationChange = new LinkedHashMap<>(from(event, "111122223333", "us-east-1", "x"));
        configurationChange.put("detail-type", "CloudWatch Alarm Configuration Change");
        assertThat(rule.matches(configurationChange)).isFalse();
    }

    @Test
    void intakeRule_shouldDeliverToTheLiveAlias_withTheDefaultRulesRetriesAndFailureQueue() {
        LocalResources stack = stack(Map.of("OrganizationId", ORG));
        Map<String, Object> rule = TEMPLATE.resource("AlarmIntakeRule").properties();
        Map<String, Object> target = map(single(list(rule.get("Targets"))));
        Map<String, Object> defaultRule = map(at(TEMPLATE.function("AlarmIngestFunction").events()
                .get("AlarmStateChange"), "Properties").orElseThrow());

        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "AlarmIngestFunction.Alias"));
        assertThat(target.get("RetryPolicy")).isEqualTo(defaultRule.get("RetryPolicy"));
        assertThat(target.get("DeadLetterConfig")).isEqualTo(defaultRule.get("DeadLetterConfig"));
        assertThat(TEMPLATE.resource("AlarmIntakeRuleInvokePermission").properties())
                .containsEntry("FunctionName", Map.of("Ref", "AlarmIngestFunction.Alias"))
                .containsEntry("Principal", "events.amazonaws.com")
                .containsEntry("SourceArn", Map.of("Fn::GetAtt", List.of("AlarmIntakeRule", "Arn")));
        // The failure queue admits its dead letters, from that rule only
        Map<String, Object> queuePolicy = map(resolve(stack, TEMPLATE.resource("AlarmIngestFailureQueuePolicy")
                .properties().get("PolicyDocument")));
        assertThat(statements(queuePolicy)).filteredOn(s -> "AlarmIntakeRuleDeadLetters".equals(s.get("Sid")))
                .singleElement().satisfies(s -> assertThat(at(s, "Condition", "ArnEquals", "aws:SourceArn"))
                        .contains("<AlarmIntakeRule.Arn>/AlarmIntakeRule/AlarmIntakeRule"));
        assertThat(statements(map(resolve(stack(Map.of()), TEMPLATE.resource("AlarmIngestFailureQueuePolicy")
                .properties().get("PolicyDocument"))))).extracting(s -> s.get("Sid"))
                .doesNotContain("AlarmIntakeRuleDeadLetters");
    }

    @Test
    void deadLettersTheIntakeRuleCannotKeep_shouldRaiseTheSameAlarmAsTheDefaultRules() {
        Object metrics = TEMPLATE.resource("AlarmRuleDeadLetterFailuresAlarm").properties().get("Metrics");

        List<Object> withIntake = list(resolve(stack(Map.of("OrganizationId", ORG)), metrics));
        List<Object> without = list(resolve(stack(Map.of()), metrics));

        assertThat(withIntake).extracting(m -> map(m).get("Id")).containsExactly("lost", "accountRule", "intakeRule");
        assertThat(without).extracting(m -> map(m).get("Id")).containsExactly("lost", "accountRule");
        assertThat(at(withIntake.get(2), "MetricStat", "Metric", "MetricName")).contains("InvocationsFailedToBeSentToDlq");
        assertThat(list(at(withIntake.get(2), "MetricStat", "Metric", "Dimensions").orElseThrow()))
                .extracting(d -> map(d).get("Name"), d -> map(d).get("Value"))
                .containsExactly(tuple("EventBusName", "<AlarmIntakeBus>"),
                        tuple("RuleName", "AlarmIntakeRule"));
        assertThat(map(withIntake.get(0)).get("Expression")).isEqualTo("SUM(FILL(METRICS(), 0))");
    }

    // ---- reading the stack ----

    /** Allow statements open to any principal whose conditions name no organization and no account. */
    static List<Map<String, Object>> wildcardsWithoutOrganizationOrAccount(List<Map<String, Object>> statements) {
        Set<String> scoping = Set.of("aws:principalorgid", "aws:principalaccount");
        List<Map<String, Object>> open = new ArrayList<>();
        for (Map<String, Object> statement : statements) {
            Object principal = statement.get("Principal");
            boolean anyone = "*".equals(principal) || "*".equals(map(principal).get("AWS"));
            if (!"Allow".equals(statement.get("Effect")) || !anyone) {
                continue;
            }
            boolean scoped = map(statement.get("Condition")).entrySet().stream()
                    .filter(operator -> operator.getKey().equals("StringEquals"))
                    .flatMap(operator -> map(operator.getValue()).entrySet().stream())
                    .anyMatch(key -> scoping.contains(key.getKey().toLowerCase(Locale.ROOT))
                            && list(key.getValue()).stream().noneMatch(v -> String.valueOf(v).contains("*")));
            if (!scoped) {
                open.add(statement);
            }
        }
        return open;
    }

    private static LocalResources stack(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("AlertEmail", "ops@example.com");
        return LocalResources.unprovisioned(TEMPLATE, "firebell-prod", all);
    }

    private static boolean exists(LocalResources stack, String logicalId) {
        return TEMPLATE.resource(logicalId).condition().map(stack::condition).orElse(true);
    }

    private static List<Map<String, Object>> busStatements(LocalResources stack) {
        return statements(stack.resolve(at(TEMPLATE.resource("AlarmIntakeBus").properties(), "Policy").orElseThrow()));
    }

    private static List<Map<String, Object>> topicStatements(LocalResources stack) {
        return statements(resolve(stack, TEMPLATE.resource("AlarmTopicPolicy").properties().get("PolicyDocument")));
    }

    /**
     * The value as the stack's parameters and conditions make it, a reference to one of its resources standing for
     * itself ({@code <AlarmTopic>}; an attribute {@code <AlarmIntakeRule.Arn>/AlarmIntakeRule}, shaped like an ARN whose
     * last part is the resource's name): no resource is created for these checks.
     */
    private static Object resolve(LocalResources stack, Object value) {
        return stack.resolve(placeholders(value));
    }

    private static Object placeholders(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(AlarmIntakeTemplateTest::placeholders).toList();
        }
        if (!(value instanceof Map<?, ?> m)) {
            return value;
        }
        Object ref = m.size() == 1 ? m.get("Ref") : null;
        if (ref instanceof String name && !name.startsWith("AWS::") && !TEMPLATE.parameters().containsKey(name)) {
            return "<" + name + ">";
        }
        Object getAtt = m.size() == 1 ? m.get("Fn::GetAtt") : null;
        if (getAtt instanceof List<?> parts) {
            return "<" + parts.get(0) + "." + parts.get(1) + ">/" + parts.get(0) + "/" + parts.get(0);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), placeholders(v)));
        return out;
    }

    private static Map<String, Object> topicStatement(LocalResources stack, String sid) {
        return topicStatements(stack).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + topicStatements(stack)));
    }

    private static List<Map<String, Object>> statements(Object document) {
        return list(map(document).get("Statement")).stream().map(TemplateData::map).toList();
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static Pattern allowedPattern(String parameter) {
        return Pattern.compile(String.valueOf(TEMPLATE.parameters().get(parameter).raw().get("AllowedPattern")));
    }

    private static String accountIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(String.format("%012d", 100_000_000_000L + n));
        }
        return String.join(",", ids);
    }

    /** The demo's real-shaped event as another account's alarm in another region, forwarded to the central bus. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> from(Map<String, Object> event, String account, String region, String alarmName) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
        detail.put("alarmName", alarmName);
        copy.put("detail", detail);
        copy.put("account", account);
        copy.put("region", region);
        copy.put("resources", List.of("arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarmName));
        return copy;
    }
}
