package dev.firebell.function.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.AlarmTrack;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.Transition;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.PageStatus;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The minute sweep, as Lambda runs it: the real handler, its real graph, the emulator. */
@LocalStackTest
class EscalationHandlerIntegrationTest {

    private static final String SCHEDULED_EVENT = "{\"version\":\"0\",\"id\":\"4e1a3b2c-0000-4a5b-9c8d-7e6f5a4b3c2d\","
            + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\",\"account\":\"123456789012\","
            + "\"time\":\"2026-11-27T09:02:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":\"{}\"}";

    @Test
    void handleRequest_shouldSendPagesLeftPending_andNoMoreOnTheNextRun(LocalStack local, LocalResources resources)
            throws Exception {
        String table = resources.tableName("FirebellTable");
        DynamoIncidentStore store = new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.system());
        String inbox = subscribeInbox(local, resources.topicArn("PageTopic"));
        Instant past = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        // What a crashed alarm invocation leaves behind: the incident and its page, lease long expired.
        Incident incident = Incident.builder().id("1").title("payments-db-cpu").service("payments")
                .severity(Severity.SEV1).status(IncidentStatus.TRIGGERED).dedupKey("k").openedAt(past)
                .triggeredAt(past).lastSeenAt(past).alarmCount(1).build();
        store.apply(new Transition.Open(new AlarmTrack("k", "1", true, null, false, past, null, 0), incident,
                List.of(new TimelineEntry("1", past, TimelineEntryType.OPENED, "alarm:payments-db-cpu", "opened", Map.of())),
                List.of(Page.pending("1", 1, "team-payments", PageReason.TRIGGERED, past, past.plusSeconds(60), "dead"))),
                "event-1");

        EscalationHandler handler = new EscalationHandler(new FunctionEnvironment(resources.environmentOf("EscalationFunction")));
        String first = run(handler);
        String second = run(handler);

        assertThat(first).contains("\"pagesSent\":1");
        assertThat(second).contains("\"pagesSent\":0");
        assertThat(store.pages("1")).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(PageStatus.SENT));
        assertThat(local.sqs().receiveMessage(r -> r.queueUrl(inbox).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()).hasSize(1);
    }

    private static String run(EscalationHandler handler) throws Exception {
        Context context = Mockito.mock(Context.class);
        Mockito.when(context.getLogger()).thenReturn(Mockito.mock(LambdaLogger.class));
        Mockito.when(context.getRemainingTimeInMillis()).thenReturn(60_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(SCHEDULED_EVENT.getBytes(StandardCharsets.UTF_8)), out, context);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String subscribeInbox(LocalStack local, String topicArn) {
        return local.subscribeQueue(topicArn, "escalation-inbox", null);
    }
}
