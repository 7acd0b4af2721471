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
 * Watching the watcher, and releasing safely: every function's errors and throttles, every failure queue, every page
 * topic's deliveries and the scheduled sweep's heartbeat are alarmed, to a channel apart from Firebell; Firebell does
 * not ingest its own alarms; every release can roll back; no log group races Lambda. The rules are documented on
 * {@link TemplateOperations}; the last test proves each reports what it should, and only that (with
 * those of {@link TemplateNames}, whose mistakes share the fixture).
 */
class TemplateOperationsTest {

    private final TemplateOperations operations = new TemplateOperations(SamTemplate.load(ProjectFiles.template()));

    @Test
    void functions_shouldEachHaveErrorAndThrottleAlarms_toTheOpsChannel() {
        assertThat(operations.functionsWithoutAlarms()).as(lines(operations.functionsWithoutAlarms())).isEmpty();
    }

    @Test
    void failureQueues_shouldAlarmOnTheirFirstMessage() {
        assertThat(operations.failureQueuesWithoutDepthAlarms())
                .as(lines(operations.failureQueuesWithoutDepthAlarms())).isEmpty();
    }

    @Test
    void topicsFunctionsPublishTo_shouldAlarmOnDeliveryFailures() {
        assertThat(operations.topicsWithoutDeliveryAlarms()).as(lines(operations.topicsWithoutDeliveryAlarms())).isEmpty();
    }

    @Test
    void scheduledFunctions_shouldHaveAHeartbeatAlarm() {
        assertThat(operations.scheduledFunctionsWithoutHeartbeat())
                .as(lines(operations.scheduledFunctionsWithoutHeartbeat())).isEmpty();
    }

    @Test
    void alarms_shouldNeverNotifyFirebellItself() {
        assertThat(operations.alarmsNotifyingFirebell()).as(lines(operations.alarmsNotifyingFirebell())).isEmpty();
    }

    @Test
    void ownAlarms_shouldStayOutOfTheAlarmFunctionsRule() {
        assertThat(operations.ownAlarmsReachingFirebell()).as(lines(operations.ownAlarmsReachingFirebell())).isEmpty();
    }

    @Test
    void deployments_shouldShiftTrafficWithARollbackAlarmOnTheNewVersion() {
        assertThat(operations.deploymentsWithoutRollbackAlarms())
                .as(lines(operations.deploymentsWithoutRollbackAlarms())).isEmpty();
    }

    @Test
    void logGroups_shouldBeNamedApartFromLambdasOwn() {
        assertThat(operations.logGroupsRacingLambda()).as(lines(operations.logGroupsRacingLambda())).isEmpty();
    }

    @Test
    void checks_shouldReportExactlyTheMarkedMistakes_withTheirLines() {
        // GIVEN a template whose mistakes are marked "# wrong:", next to a function that follows every rule
        Path file = ProjectFiles.testTemplate("operations-mistakes.yaml");
        TemplateOperations checker = new TemplateOperations(SamTemplate.load(file));

        // WHEN
        List<String> findings = new ArrayList<>();
        findings.addAll(checker.functionsWithoutAlarms());
        findings.addAll(checker.failureQueuesWithoutDepthAlarms());
        findings.addAll(checker.topicsWithoutDeliveryAlarms());
        findings.addAll(checker.scheduledFunctionsWithoutHeartbeat());
        findings.addAll(checker.alarmsNotifyingFirebell());
        findings.addAll(checker.ownAlarmsReachingFirebell());
        findings.addAll(checker.deploymentsWithoutRollbackAlarms());
        findings.addAll(checker.logGroupsRacingLambda());
        findings.addAll(new TemplateNames(SamTemplate.load(file)).collidingAcrossStacks());

        // THEN
        assertThat(linesOf(findings)).as(lines(findings)).containsExactlyInAnyOrderElementsOf(markedLines(file));
        assertThat(findings).as(lines(findings))
                .anySatisfy(f -> assertThat(f).contains("BadFunction has no alarm on its Errors"))
                .anySatisfy(f -> assertThat(f).contains("BadFunction has no alarm on its Throttles"))
                .anySatisfy(f -> assertThat(f).contains("BadQueue keeps failed events (BadFunction dead-letter queue)"))
                .anySatisfy(f -> assertThat(f).contains("functions publish to OtherTopic"))
                .anySatisfy(f -> assertThat(f).contains("ScheduledFunction runs on a schedule, but no alarm"))
                .anySatisfy(f -> assertThat(f).contains("BadThrottles notifies [PageTopic]"))
                .anySatisfy(f -> assertThat(f).contains("BadFunction Events.Everything receives Firebell's own alarms"))
                .anySatisfy(f -> assertThat(f).contains("BadFunction Events.OnlyItsOwnLeftOut receives Firebell's own"))
                .anySatisfy(f -> assertThat(f).contains("UnprefixedAlarm is not named !Sub Firebell/${AWS::StackName}/"))
                .anySatisfy(f -> assertThat(f).contains("BadFunction has no AutoPublishAlias and DeploymentPreference"))
                .anySatisfy(f -> assertThat(f).contains("RacingLogs (logs of BadFunction) is named under /aws/lambda/"))
                .anySatisfy(f -> assertThat(f).contains("ScheduledFunction has no LoggingConfig.LogGroup"))
                .anySatisfy(f -> assertThat(f).contains("UnprefixedAlarm.AlarmName is 'some-alarm' in stack"
                        + " firebell-prod, and stack firebell's UnprefixedAlarm has that name too"))
                .anySatisfy(f -> assertThat(f).contains("StageAlias.AliasName is 'alias/firebell-prod' in stack"
                        + " firebell-prod, and stack firebell's StageAlias has that name too"))
                .anySatisfy(f -> assertThat(f).contains("StageLogs.LogGroupName is '/firebell/prod/worker'"))
                .anySatisfy(f -> assertThat(f).contains("OpsAlias.AliasName is 'alias/firebell-prod-ops' in stack"
                        + " firebell-prod, and stack firebell's ProdOpsAlias has that name too"))
                .anySatisfy(f -> assertThat(f).contains("SAM names the schedule 'Every' in every stack"));
    }
}
