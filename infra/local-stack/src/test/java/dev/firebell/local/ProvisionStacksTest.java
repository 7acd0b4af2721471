package dev.firebell.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.local.junit.LocalStackTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.AliasListEntry;

/**
 * Several stacks of one template in one emulator, as {@code sam deploy --stack-name} puts them in one account: what has
 * no name property is named after its stack, what the account holds once (key aliases, log groups) is claimed by the
 * stack that created it, and a second stack claiming the same name fails as a CloudFormation create does.
 */
@LocalStackTest
class ProvisionStacksTest {

    private final LocalStack stack;

    ProvisionStacksTest(LocalStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void emptyEmulator() {
        stack.reset();
    }

    @Test
    void twoStacksOfOneStage_shouldEachGetTheirOwnResources_namedAfterTheStack() {
        // GIVEN the same template and the same Stage, under two stack names
        SamTemplate template = Fixtures.template("stacks.yaml");

        // WHEN
        LocalResources staging = stack.provision(template, "shop-staging", Map.of("Stage", "prod"));
        LocalResources prod = stack.provision(template, "shop-prod", Map.of("Stage", "prod"));

        // THEN unnamed resources are named as CloudFormation names them, after the stack
        assertThat(staging.tableName("Table")).isEqualTo("shop-staging-Table");
        assertThat(prod.tableName("Table")).isEqualTo("shop-prod-Table");
        assertThat(prod.topicArn("Topic")).isEqualTo("arn:aws:sns:us-east-1:123456789012:shop-prod-Topic");
        assertThat(prod.queueUrl("Queue")).endsWith("/shop-prod-Queue");
        assertThat(prod.bucketName("Drafts")).isEqualTo("shop-prod-drafts");
        assertThat(staging.resolve(Map.of("Ref", "AWS::StackName"))).isEqualTo("shop-staging");

        // AND each has its own key, alias and log group, which the emulator holds
        Map<String, String> aliases = new LinkedHashMap<>();
        for (AliasListEntry alias : stack.kms().listAliasesPaginator(b -> { }).aliases()) {
            aliases.put(alias.aliasName(), alias.targetKeyId());
        }
        String stagingKey = staging.resolveString(Map.of("Ref", "Key"));
        String prodKey = prod.resolveString(Map.of("Ref", "Key"));
        assertThat(stagingKey).isNotEqualTo(prodKey);
        assertThat(aliases).containsEntry("alias/shop/shop-staging/data", stagingKey)
                .containsEntry("alias/shop/shop-prod/data", prodKey);
        assertThat(prod.environmentOf("Worker")).containsEntry("KEY_ARN",
                "arn:aws:kms:us-east-1:123456789012:key/" + prodKey).containsEntry("LOGS", "/shop/shop-prod/worker");
        assertThat(stack.logs().describeLogGroups(b -> b.logGroupNamePrefix("/shop/")).logGroups())
                .extracting(g -> g.logGroupName() + " " + g.retentionInDays())
                .containsExactlyInAnyOrder("/shop/shop-staging/worker 14", "/shop/shop-prod/worker 14");
    }

    @Test
    void provisioningAStackAgain_shouldKeepItsKeyAliasAndLogGroup() {
        SamTemplate template = Fixtures.template("stacks.yaml");
        LocalResources first = stack.provision(template, "shop-prod", Map.of());

        LocalResources again = stack.provision(template, "shop-prod", Map.of());

        assertThat(again.resolveString(Map.of("Ref", "Key"))).isEqualTo(first.resolveString(Map.of("Ref", "Key")));
        assertThat(stack.kms().listKeys().keys()).hasSize(1);
        assertThat(again.created()).isEqualTo(first.created());
    }

    @Test
    void aKeyAliasNamedAfterTheStage_shouldFailTheSecondStackOfThatStage_asCloudFormationWould() {
        // GIVEN a stack whose key alias is named after its Stage
        SamTemplate template = Fixtures.template("stage-named.yaml");
        stack.provision(template, "shop", Map.of("Stage", "prod"));

        // WHEN another stack of the same Stage is created, THEN the alias is already taken
        assertThatThrownBy(() -> stack.provision(template, "shop-prod", Map.of("Stage", "prod")))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageStartingWith("KeyAlias (AWS::KMS::Alias, stage-named.yaml line ")
                .hasMessageContaining("the key alias alias/shop-prod already exists in this account and region, created"
                        + " by stack shop: a CloudFormation create of stack shop-prod fails the same way");
        // AND a stack of another Stage is fine
        stack.provision(template, "shop-staging", Map.of("Stage", "staging"));
    }

    @Test
    void aLogGroupNamedAfterTheStage_shouldFailTheSecondStackOfThatStage() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: prod}
                Resources:
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Sub /shop/${Stage}/worker
                """, "logs.yaml");
        stack.provision(template, "shop", Map.of());

        assertThatThrownBy(() -> stack.provision(template, "shop-prod", Map.of()))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("Logs (AWS::Logs::LogGroup, logs.yaml line ")
                .hasMessageContaining("the log group /shop/prod/worker already exists in this account and region, created"
                        + " by stack shop");
    }

    @Test
    void stackNames_shouldBeOnesCloudFormationAccepts() {
        assertThatThrownBy(() -> stack.provision(Fixtures.template("stacks.yaml"), "shop_prod", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stack name 'shop_prod' is not one CloudFormation accepts: a letter, then letters, digits"
                        + " and hyphens, at most 128 characters");
    }

    @Test
    void eventBridgeRule_shouldTakeWhatEachStacksParametersSay() {
        // GIVEN one template as three stacks: every alarm, only staging-*, none
        SamTemplate template = Fixtures.template("stacks.yaml");
        EventFilter all = EventFilter.forEventBridgeRule(
                LocalResources.unprovisioned(template, "shop-prod", Map.of()), "Worker", "Alarms");
        EventFilter stagingOnly = EventFilter.forEventBridgeRule(LocalResources.unprovisioned(template, "shop-staging",
                Map.of("Scope", "prefix", "Prefix", "staging-")), "Worker", "Alarms");
        EventFilter none = EventFilter.forEventBridgeRule(
                LocalResources.unprovisioned(template, "shop-quiet", Map.of("Scope", "none")), "Worker", "Alarms");

        // THEN
        Map<String, Object> checkout = alarmEvent("checkout-5xx");
        Map<String, Object> stagingCheckout = alarmEvent("staging-checkout-5xx");
        Map<String, Object> own = alarmEvent("Shop/shop-prod/worker-errors");
        assertThat(List.of(all.matches(checkout), all.matches(stagingCheckout), all.matches(own)))
                .containsExactly(true, true, false);
        assertThat(List.of(stagingOnly.matches(checkout), stagingOnly.matches(stagingCheckout), stagingOnly.matches(own)))
                .containsExactly(false, true, false);
        assertThat(List.of(none.matches(checkout), none.matches(stagingCheckout), none.matches(own)))
                .containsExactly(false, false, false);
        assertThatThrownBy(() -> EventFilter.forEventBridgeRule(LocalResources.unprovisioned(template, "shop", Map.of()),
                "Worker", "Nope")).hasMessage("Worker has no EventBridge rule event Nope; events: [Alarms]");
    }

    /** The shape CloudWatch puts on the default bus. */
    static Map<String, Object> alarmEvent(String alarmName) {
        return Map.of("source", "aws.cloudwatch", "detail-type", "CloudWatch Alarm State Change",
                "resources", List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarmName),
                "detail", Map.of("alarmName", alarmName, "state", Map.of("value", "ALARM")));
    }
}
