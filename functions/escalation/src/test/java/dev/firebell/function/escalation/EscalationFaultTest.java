package dev.firebell.function.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.incident.AlarmOutcome;
import dev.firebell.local.LocalInvocation;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.Fault;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageStatus;
import dev.firebell.testing.CrashPoint;
import dev.firebell.testing.MutableClock;
import dev.firebell.testing.SimulatedCrash;
import dev.firebell.timeline.TimelineEntryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The minute sweep while AWS misbehaves, through a {@link FaultProxy} in front of the emulator: escalation steps and
 * pending pages survive throttling and failures, each step is taken once and each page sent once after recovery, and
 * one item that cannot be handled holds up no other escalation or page. On-call as in {@link OnCallFixture}: alice
 * is paged first, dave 5 minutes later.
 */
@LocalStackTest
class EscalationFaultTest {

    private static final Instant T0 = Instant.parse("2026-11-27T09:00:30Z");

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicReference<CrashPoint> crash = new AtomicReference<>(CrashPoint.NONE);
    private final Map<String, String> inboxes = new LinkedHashMap<>();
    private FaultProxy proxy;
    private FaultEscalationComponent component;
    private int serial;

    EscalationFaultTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTableInboxesConfigurationAndAProxyInFront() {
        local.emptyTable(table());
        for (String target : List.of("person:alice", "person:dave")) {
            inboxes.put(target, subscribe(target));
        }
        proxy = FaultProxy.start(local.endpoint());
        System.setProperty("aws.endpointUrl", proxy.endpoint().toString());
        component = DaggerFaultEscalationComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("EscalationFunction")))
                .clock(clock).sdkBounds(SdkModule.overrides()).crash(crash).build();
        component.configStore().apply(OnCallFixture.config(), "test");
    }

    @AfterEach
    void restore() {
        local.exportSdkSettings();
        proxy.close();
    }

    @Test
    void snsThrottledWhenAStepIsDue_theStepIsTakenOnce_itsPageWaits_andTheFirstSweepAfterRecoverySendsIt() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        proxy.resetCounts().failAlways("sns:Publish", Fault.throttled());

        String run = sweep();

        assertThat(run).contains("\"escalationSteps\":1").contains("\"pagesFailed\":1");
        assertThat(proxy.attempts("sns:Publish")).isEqualTo(SdkModule.MAX_ATTEMPTS);
        assertThat(store().pages(id)).extracting(Page::status).containsExactly(PageStatus.SENT, PageStatus.PENDING);
        assertThat(store().timeline(id)).anySatisfy(e -> assertThat(e.type()).isEqualTo(TimelineEntryType.PAGE_FAILED));

        proxy.heal();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep()).contains("\"escalationSteps\":0").contains("\"pagesSent\":1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep()).contains("\"escalationSteps\":0").contains("\"pagesSent\":0");

        assertThat(received("person:dave")).hasSize(1);
        assertThat(received("person:alice")).hasSize(1);
        assertThat(store().pages(id)).extracting(Page::status).containsOnly(PageStatus.SENT);
    }

    @Test
    void dynamoDbThrottlingTheStepsWrite_failsTheRunNamingIt_boundedAttempts_andTheNextRunTakesTheStepOnce() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        proxy.resetCounts().failAlways("dynamodb:TransactWriteItems", Fault.throttled());

        assertThatThrownBy(this::sweep).isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThat(proxy.attempts("dynamodb:TransactWriteItems")).isEqualTo(SdkModule.MAX_ATTEMPTS);
        assertThat(store().pages(id)).hasSize(1);

        proxy.heal();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep()).contains("\"escalationSteps\":1").contains("\"pagesSent\":1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep()).contains("\"escalationSteps\":0").contains("\"pagesSent\":0");

        assertThat(received("person:dave")).hasSize(1);
    }

    @Test
    void killedAfterClaimingAPageBeforeSendingIt_theSweepAfterTheLeaseSendsItOnce() {
        String id = open("checkout-api-5xx-high");
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        crash.set(CrashPoint.BEFORE_PUBLISH);
        assertThatThrownBy(this::sweep).isInstanceOf(SimulatedCrash.class);
        crash.set(CrashPoint.NONE);

        clock.advance(Duration.ofSeconds(30));
        assertThat(sweep()).as("the dead run's lease still holds").contains("\"pagesSent\":0");
        clock.advance(Duration.ofSeconds(31));
        assertThat(sweep()).contains("\"pagesSent\":1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(sweep()).contains("\"escalationSteps\":0").contains("\"pagesSent\":0");

        assertThat(received("person:dave")).hasSize(1);
        assertThat(store().pages(id)).extracting(Page::status).containsOnly(PageStatus.SENT);
    }

    @Test
    void anEscalationThatFailsEveryTime_doesNotStopTheSweepFromSendingOtherIncidentsPendingPages() {
        String broken = open("checkout-api-5xx-high");
        String other = open("checkout-db-cpu");
        crash.set(CrashPoint.BEFORE_PUBLISH);
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThatThrownBy(() -> component.escalationEngine().runOne(other))
                .isInstanceOf(SimulatedCrash.class); // other's level-2 page is left pending
        crash.set(CrashPoint.NONE);
        corrupt(broken); // its step now fails on every run
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(this::sweep).as("the run still fails, naming the broken item")
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store().pages(other)).extracting(Page::status).containsOnly(PageStatus.SENT);
        assertThat(received("person:dave")).hasSize(1);
    }

    @Test
    void aPageThatFailsEveryTime_doesNotStopTheOthersInTheSameSweep() {
        String broken = open("checkout-api-5xx-high");
        String other = open("checkout-db-cpu");
        crash.set(CrashPoint.BEFORE_PUBLISH);
        clock.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThatThrownBy(() -> component.escalationEngine().runOne(broken))
                .isInstanceOf(SimulatedCrash.class);
        assertThatThrownBy(() -> component.escalationEngine().runOne(other))
                .isInstanceOf(SimulatedCrash.class);
        crash.set(CrashPoint.NONE);
        corrupt(broken); // its pending page can no longer be composed
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> component.pageDispatcher().redriveDue(100)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store().pages(other)).extracting(Page::status).containsOnly(PageStatus.SENT);
        assertThat(received("person:dave")).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private String open(String alarmName) {
        AlarmOutcome outcome = component.alarmService().handle(new AlarmStateChange(
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + alarmName, alarmName, null, "123456789012",
                "eu-west-1", AlarmKind.METRIC, AlarmState.ALARM, AlarmState.OK, "Threshold Crossed",
                clock.instant().minusSeconds(30), List.of(), List.of(), DeliveryShape.EVENTBRIDGE));
        assertThat(outcome.kind()).isEqualTo(AlarmOutcome.Kind.OPENED);
        return outcome.incidentId();
    }

    /** An incident item no code can read any more (as if edited by hand). */
    private void corrupt(String incidentId) {
        local.dynamoDb().updateItem(r -> r.tableName(table())
                .key(Map.of("PK", AttributeValue.fromS("INCIDENT#" + incidentId), "SK", AttributeValue.fromS("INCIDENT")))
                .updateExpression("SET severity = :bad")
                .expressionAttributeValues(Map.of(":bad", AttributeValue.fromS("SEV9"))));
    }

    /** One scheduled invocation of the real handler, with too little time left to wait for later work. */
    private String sweep() {
        EscalationHandler handler = new EscalationHandler(component.escalationEngine(), component.pageDispatcher(),
                clock, clock::advance);
        return LocalInvocation.invoke(handler, "{}".getBytes(StandardCharsets.UTF_8),
                new ClockContext(clock, Duration.ofSeconds(20)));
    }

    private DynamoIncidentStore store() {
        return new DynamoIncidentStore(local.dynamoDb(), table(), clock);
    }

    private String table() {
        return resources.tableName("FirebellTable");
    }

    private String subscribe(String target) {
        return local.subscribeQueue(resources.topicArn("PageTopic"), "esc-fault-" + System.nanoTime() + "-" + serial++,
                "{\"target\":[\"" + target + "\"]}");
    }

    private List<Message> received(String target) {
        String url = inboxes.get(target);
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = local.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(0).waitTimeSeconds(0)).messages();
            if (batch.isEmpty() || all.size() > 50) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> local.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }
}
