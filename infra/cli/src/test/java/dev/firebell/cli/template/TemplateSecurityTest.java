package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static dev.firebell.cli.template.TemplateReferencesTest.linesOf;
import static dev.firebell.cli.template.TemplateReferencesTest.markedLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security and operability rules for template.yaml: data encrypted at rest and recoverable, buckets private and
 * TLS-only, IAM scoped, no event lost silently, no log kept forever, no secret in the template. The rules themselves
 * are documented on {@link TemplateSecurity}; the last test proves each one reports what it should, and only that.
 */
class TemplateSecurityTest {

    private final TemplateSecurity security = new TemplateSecurity(SamTemplate.load(ProjectFiles.template()));

    @Test
    void tables_shouldBeEncryptedWithKms_andPointInTimeRecoverable() {
        assertThat(security.unprotectedTables()).as(lines(security.unprotectedTables())).isEmpty();
    }

    @Test
    void topics_shouldBeEncryptedWithAKmsKey() {
        assertThat(security.unencryptedTopics()).as(lines(security.unencryptedTopics())).isEmpty();
    }

    @Test
    void queues_shouldBeEncrypted() {
        assertThat(security.unencryptedQueues()).as(lines(security.unencryptedQueues())).isEmpty();
    }

    @Test
    void buckets_shouldBeEncrypted_private_andReachableOnlyOverTls() {
        assertThat(security.unprotectedBuckets()).as(lines(security.unprotectedBuckets())).isEmpty();
    }

    @Test
    void policies_shouldNotGrantResourceScopedActionsOnEveryResource() {
        assertThat(security.unscopedPolicyStatements()).as(lines(security.unscopedPolicyStatements())).isEmpty();
    }

    @Test
    void asyncInvokedFunctions_shouldSendEventsThatStillFailToADestination() {
        assertThat(security.asyncFunctionsWithoutFailureDestination())
                .as(lines(security.asyncFunctionsWithoutFailureDestination())).isEmpty();
    }

    @Test
    void otherFunctions_shouldHandleFailedEvents_orDocumentWhyTheyMayBeDropped() {
        assertThat(security.otherFunctionsWithoutFailureHandling())
                .as(lines(security.otherFunctionsWithoutFailureHandling())).isEmpty();
    }

    @Test
    void functions_shouldEachHaveALogGroupWithRetention() {
        assertThat(security.functionsWithoutLogRetention()).as(lines(security.functionsWithoutLogRetention())).isEmpty();
    }

    @Test
    void template_shouldHoldNoPlaintextSecrets() {
        assertThat(security.plaintextSecrets()).as(lines(security.plaintextSecrets())).isEmpty();
    }

    @Test
    void globsOverlap_shouldMatchIamWildcardsOnBothSides() {
        assertThat(TemplateSecurity.globsOverlap("dynamodb:PutItem", "dynamodb:*")).isTrue();
        assertThat(TemplateSecurity.globsOverlap("sns:*", "sns:Publish")).isTrue();
        assertThat(TemplateSecurity.globsOverlap("*", "s3:*Object")).isTrue();
        assertThat(TemplateSecurity.globsOverlap("s3:Get*", "s3:*Object")).isTrue();
        assertThat(TemplateSecurity.globsOverlap("SSM:getparameters", "ssm:GetParameter*")).isTrue();
        assertThat(TemplateSecurity.globsOverlap("s3:ListBucket", "s3:*Object")).isFalse();
        assertThat(TemplateSecurity.globsOverlap("logs:CreateLogGroup", "dynamodb:*")).isFalse();
        assertThat(TemplateSecurity.globsOverlap("kms:Encrypt", "kms:Decrypt")).isFalse();
    }

    @Test
    void asyncTriggers_shouldIncludeAlarmActionPermissions_notOnlyEvents() {
        // GIVEN a function invoked only through a Lambda permission for CloudWatch alarm actions
        TemplateSecurity checker = new TemplateSecurity(SamTemplate.load(mistakes()));

        // THEN it counts as invoked asynchronously, like the SNS-triggered one
        assertThat(checker.asyncTriggers()).containsOnlyKeys("AlarmActionFunction", "SnsFunction", "GoodFunction");
        assertThat(checker.asyncTriggers().get("AlarmActionFunction"))
                .containsExactly("AlarmPermission (lambda.alarms.cloudwatch.amazonaws.com)");
    }

    @Test
    void checks_shouldReportExactlyTheMarkedMistakes_withTheirLines() {
        // GIVEN a template whose mistakes are marked "# wrong:", next to correct resources of every kind
        Path file = mistakes();
        TemplateSecurity checker = new TemplateSecurity(SamTemplate.load(file));

        // WHEN
        List<String> findings = new ArrayList<>();
        findings.addAll(checker.unprotectedTables());
        findings.addAll(checker.unencryptedTopics());
        findings.addAll(checker.unencryptedQueues());
        findings.addAll(checker.unprotectedBuckets());
        findings.addAll(checker.unscopedPolicyStatements());
        findings.addAll(checker.asyncFunctionsWithoutFailureDestination());
        findings.addAll(checker.otherFunctionsWithoutFailureHandling());
        findings.addAll(checker.functionsWithoutLogRetention());
        findings.addAll(checker.plaintextSecrets());

        // THEN
        assertThat(linesOf(findings)).as(lines(findings)).containsExactlyInAnyOrderElementsOf(markedLines(file));
        assertThat(findings).as(lines(findings))
                .anySatisfy(finding -> assertThat(finding).contains("PlainTable: SSESpecification.SSEEnabled"))
                .anySatisfy(finding -> assertThat(finding).contains("PlainTable: PointInTimeRecovery"))
                .anySatisfy(finding -> assertThat(finding).contains("PlainTopic: no KmsMasterKeyId"))
                .anySatisfy(finding -> assertThat(finding).contains("PlainQueue: neither KmsMasterKeyId"))
                .anySatisfy(finding -> assertThat(finding).contains("PlainBucket: no BucketEncryption"))
                .anySatisfy(finding -> assertThat(finding).contains("PublicAccessBlockConfiguration.BlockPublicPolicy"))
                .anySatisfy(finding -> assertThat(finding).contains("PublicAccessBlockConfiguration.RestrictPublicBuckets"))
                .anySatisfy(finding -> assertThat(finding).contains("PlainBucket: no bucket policy denies requests"))
                .anySatisfy(finding -> assertThat(finding).contains("WriteAnything: dynamodb:PutItem on Resource '*'"))
                .anySatisfy(finding -> assertThat(finding).contains("PublishAnywhere: sns:* on Resource '*'"))
                .anySatisfy(finding -> assertThat(finding).contains("AlarmActionFunction is invoked asynchronously"))
                .anySatisfy(finding -> assertThat(finding).contains("SnsFunction is invoked asynchronously by"
                        + " Events.Pages (SNS)"))
                .anySatisfy(finding -> assertThat(finding).contains("ScheduledFunction (events: ScheduleV2)"))
                .anySatisfy(finding -> assertThat(finding).contains("SnsFunction: no an AWS::Logs::LogGroup"))
                .anySatisfy(finding -> assertThat(finding).contains("ShortLogs (logs of ScheduledFunction) has no"
                        + " RetentionInDays"))
                .anySatisfy(finding -> assertThat(finding).contains("parameter SlackBotToken looks like a secret but is"
                        + " not NoEcho"))
                .anySatisfy(finding -> assertThat(finding).contains("SlackBotToken looks like a secret and has a Default"))
                .anySatisfy(finding -> assertThat(finding).contains("environment variable API_TOKEN holds a literal"))
                .anySatisfy(finding -> assertThat(finding).contains("looks like an AWS access key id"));
    }

    private static Path mistakes() {
        return ProjectFiles.testTemplate("security-mistakes.yaml");
    }
}
