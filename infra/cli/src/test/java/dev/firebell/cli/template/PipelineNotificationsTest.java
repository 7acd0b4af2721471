package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateData.at;
import static dev.firebell.cli.template.TemplateData.list;
import static dev.firebell.cli.template.TemplateData.map;
import static dev.firebell.cli.template.TemplateData.refName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's own notifications reach people: CodeStar Notifications may publish to the encrypted alerts topic
 * (topic policy, and the key policy statement the Developer Tools guide documents for encrypted topics), the rule is
 * created after that policy, and the approval action (the pipeline's role) may publish with the key too.
 */
class PipelineNotificationsTest {

    private static final String NOTIFICATIONS = "codestar-notifications.amazonaws.com";

    private final SamTemplate pipeline = PipelineFiles.pipeline();
    private final StackArns stack = PipelineFiles.pipelineStack("firebell");

    @Test
    void notificationRules_shouldTargetTopicsTheyMayPublishTo_andBeCreatedAfterTheirPolicy() {
        List<SamTemplate.Resource> rules = pipeline.resources().values().stream()
                .filter(r -> r.type().equals("AWS::CodeStarNotifications::NotificationRule")).toList();
        assertThat(rules).isNotEmpty();
        for (SamTemplate.Resource rule : rules) {
            for (Object target : list(rule.properties().get("Targets"))) {
                assertThat(map(target).get("TargetType")).isEqualTo("SNS");
                String topic = refName(map(target).get("TargetAddress")).orElseThrow();

                SamTemplate.Resource policy = topicPolicyAllowingNotifications(topic).orElseThrow(() -> new AssertionError(
                        rule.logicalId() + " targets " + topic + ", whose topic policy does not let " + NOTIFICATIONS
                                + " publish (with aws:SourceAccount, as documented)"));
                assertThat(list(rule.raw().get("DependsOn"))).as("%s DependsOn", rule.logicalId())
                        .contains(policy.logicalId());

                Object key = pipeline.resource(topic).properties().get("KmsMasterKeyId");
                assertThat(key).as("%s is encrypted", topic).isNotNull();
                assertThat(keyLetsNotificationsUseItThroughSns(refName(key).orElseThrow()))
                        .as("the key of %s lets %s GenerateDataKey* and Decrypt through SNS only", topic, NOTIFICATIONS)
                        .isTrue();
            }
        }
    }

    @Test
    void approvalAction_shouldPublishThroughThePipelineRole_withTheTopicsKey() {
        RolePolicy role = new RolePolicy(stack, "PipelineRole");
        int approvals = 0;
        for (Map<String, Object> action : PipelineFiles.actions(pipeline)) {
            if (!"Approval".equals(map(action.get("ActionTypeId")).get("Category"))) {
                continue;
            }
            approvals++;
            String topic = refName(map(action.get("Configuration")).get("NotificationArn")).orElseThrow();
            String key = refName(pipeline.resource(topic).properties().get("KmsMasterKeyId")).orElseThrow();

            assertThat(role.allowing("sns:Publish", stack.arn(topic))).as("sns:Publish on %s", topic).isPresent();
            for (String use : List.of("kms:GenerateDataKey", "kms:Decrypt")) {
                assertThat(role.allowing(use, stack.arn(key))).as("%s on %s", use, key).isPresent();
            }
            assertThat(keyPolicy(key)).as("the key policy of %s lets IAM policies of the account grant its use", key)
                    .anySatisfy(s -> assertThat(s).containsEntry("Principal", Map.of("AWS",
                            Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"))));
        }
        assertThat(approvals).isPositive();
    }

    private Optional<SamTemplate.Resource> topicPolicyAllowingNotifications(String topic) {
        return pipeline.resources().values().stream()
                .filter(r -> r.type().equals("AWS::SNS::TopicPolicy"))
                .filter(r -> list(r.properties().get("Topics")).contains(Map.of("Ref", topic)))
                .filter(r -> list(at(r.properties(), "PolicyDocument", "Statement").orElse(null)).stream()
                        .map(TemplateData::map)
                        .anyMatch(s -> "Allow".equals(s.get("Effect"))
                                && list(map(s.get("Principal")).get("Service")).contains(NOTIFICATIONS)
                                && list(s.get("Action")).stream().anyMatch(a -> "sns:publish".equalsIgnoreCase(
                                        String.valueOf(a)))
                                && list(s.get("Resource")).contains(Map.of("Ref", topic))
                                && at(s, "Condition", "StringEquals", "aws:SourceAccount")
                                        .filter(Map.of("Ref", "AWS::AccountId")::equals).isPresent()))
                .findFirst();
    }

    private boolean keyLetsNotificationsUseItThroughSns(String key) {
        return keyPolicy(key).stream().anyMatch(s -> "Allow".equals(s.get("Effect"))
                && list(map(s.get("Principal")).get("Service")).contains(NOTIFICATIONS)
                && list(s.get("Action")).containsAll(List.of("kms:GenerateDataKey*", "kms:Decrypt"))
                && at(s, "Condition", "StringEquals", "kms:ViaService").map(stack::resolve)
                        .filter(("sns." + StackArns.REGION + ".amazonaws.com")::equals).isPresent());
    }

    private List<Map<String, Object>> keyPolicy(String key) {
        return list(at(pipeline.resource(key).properties(), "KeyPolicy", "Statement").orElse(null)).stream()
                .map(TemplateData::map).toList();
    }
}
