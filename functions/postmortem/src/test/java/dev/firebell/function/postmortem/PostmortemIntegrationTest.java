package dev.firebell.function.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.incident.NoSuchIncidentException;
import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.TableStream;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Resolve to draft, end to end against the emulator: incidents are opened and resolved by the real alarm rules and
 * incident commands; the table's stream is read through the dynamodbstreams API and filtered with the template's own
 * filter criteria, exactly the records Lambda would deliver; the real handler stores the draft in the versioned
 * bucket and announces it on the page topic.
 */
@LocalStackTest
class PostmortemIntegrationTest {

    private static final String ALARM = "checkout-api-5xx-high";
    private static final String ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + ALARM;
    private static final String REASON = "Threshold Crossed: 3 out of the last 3 datapoints [57.0 (27/11/26 08:59:00),"
            + " 44.0 (27/11/26 08:58:00), 31.0 (27/11/26 08:57:00)] were greater than the threshold (25.0) (minimum 3"
            + " datapoints for OK -> ALARM transition).";

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:04Z"));
    private final List<String> emf = new ArrayList<>();
    private TestPostmortemComponent component;
    private PostmortemHandler handler;
    private TableStream stream;
    private EventFilter filter;
    private String bucket;
    private String announcements;
    private String phone;
    private int serial;

    PostmortemIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void freshStack() {
        String table = resources.tableName("FirebellTable");
        local.dynamoDb().scanPaginator(r -> r.tableName(table)).items().forEach(item ->
                local.dynamoDb().deleteItem(r -> r.tableName(table).key(Map.of("PK", item.get("PK"), "SK", item.get("SK")))));
        bucket = resources.bucketName("PostmortemBucket");
        for (ObjectVersion v : local.s3().listObjectVersions(r -> r.bucket(bucket)).versions()) {
            local.s3().deleteObject(r -> r.bucket(bucket).key(v.key()).versionId(v.versionId()));
        }
        component = DaggerTestPostmortemComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("PostmortemFunction")))
                .clock(clock).emf(emf).build();
        handler = new PostmortemHandler(component.postmortems());
        component.config().apply(Map.of(
                "routing", Map.of("default", Map.of("service", "checkout", "severity", "SEV2")),
                "services", Map.of("checkout", Map.of("pageTarget", "team-checkout"))), "test");
        stream = new TableStream(local, resources.tableStreamArn("FirebellTable"));
        stream.read();
        filter = EventFilter.forEvent(resources.template().function("PostmortemFunction"), "IncidentResolved");
        // Tools subscribe to drafts by event type; a phone subscribes to pages by target.
        announcements = subscribe("{\"event_type\":[\"postmortem.drafted\"]}");
        phone = subscribe("{\"target\":[\"team-checkout\"]}");
    }

    // ------------------------------------------------------------------ the resolve-to-draft path

    @Test
    void aResolvedIncident_getsOneDraftInS3_oneAnnouncement_andItsMetricsOnce_evenWhenTheRecordsArriveTwice()
            throws IOException {
        String id = openAlarmIncident();
        clock.advance(Duration.ofMinutes(4));
        component.commands().acknowledge(id, "alice");
        clock.advance(Duration.ofMinutes(2));
        component.commands().addNote(id, "Error rate rose right after deploy 42; rolling it back.", "alice");
        clock.advance(Duration.ofMinutes(6));
        component.commands().resolve(id, "alice", "Rolled back deploy 42.");

        List<Map<String, Object>> delivered = filter.select(stream.read());
        assertThat(delivered).as("only the incident's change into RESOLVED passes the template's filter").hasSize(1);
        String first = invoke(TableStream.event(delivered));
        String again = invoke(TableStream.event(delivered));

        assertThat(first).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(again).isEqualTo("{\"batchItemFailures\":[]}");
        List<ObjectVersion> versions = versions(id);
        assertThat(versions).as("a redelivery stores no duplicate version").hasSize(1);
        String markdown = object(id, null);
        assertThat(headings(markdown)).startsWith("1 Postmortem: checkout-api-5xx-high (incident #" + id + ")")
                .contains("2 Summary", "2 Timeline", "2 Action items", "2 Supporting information");
        assertThat(markdown).contains("| Status | **Draft** |", "| Resolved | 2026-11-27 09:12:04 UTC (by alice) |",
                "alice acknowledged it 4 min after the first page.", "> Rolled back deploy 42.",
                "- **Time to detect:** 3 min, from the earliest evidence to the alarm firing.");
        var head = local.s3().headObject(r -> r.bucket(bucket).key("postmortems/" + id + ".md"));
        assertThat(head.contentType()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(head.metadata()).containsKey("content-sha256").containsEntry("incident-id", id);

        List<Message> announced = drain(announcements);
        assertThat(announced).as("announced once").singleElement().satisfies(m -> {
            Map<String, Object> envelope = json(m.body());
            assertThat(attribute(envelope, "event_type")).isEqualTo("postmortem.drafted");
            assertThat(attribute(envelope, "incident_id")).isEqualTo(id);
            Map<String, Object> document = json((String) envelope.get("Message"));
            assertThat(document).containsEntry("type", "postmortem").containsEntry("incidentId", id);
            assertThat(document.get("draft")).asString().contains("s3://" + bucket + "/postmortems/" + id + ".md",
                    versions.get(0).versionId());
        });
        assertThat(drain(phone)).as("the phone gets the page, never the announcement").singleElement()
                .satisfies(m -> assertThat(attribute(json(m.body()), "event_type")).isEqualTo("incident.triggered"));

        assertThat(emf).as("metrics emitted once per resolution").singleElement().satisfies(line -> {
            Map<String, Object> doc = json(line);
            assertThat(doc).containsEntry("service", "checkout").containsEntry("severity", "SEV2")
                    .containsEntry("incidentId", id).containsEntry("TimeToAcknowledge", 240.0)
                    .containsEntry("TimeToResolve", 724.0).containsEntry("TimeToDetect", 180.0)
                    .containsEntry("PagesSent", 1);
            assertThat(doc.get("_aws")).asString().contains("Namespace=Firebell", "Dimensions=[[service, severity]]");
        });
        assertThat(local.dynamoDb().getItem(r -> r.tableName(resources.tableName("FirebellTable"))
                .key(Map.of("PK", AttributeValue.fromS("INCIDENT#" + id), "SK", AttributeValue.fromS("METRICS"))))
                .item()).containsEntry("timeToAcknowledgeMs", AttributeValue.fromN("240000"));

        assertThat(filter.select(stream.read())).as("the function's own writes trigger nothing").isEmpty();
    }

    @Test
    void anAlarmThatReturnsToOk_resolvesItAutomatically_andGetsItsDraftFromTheStream() throws IOException {
        String id = openAlarmIncident();
        clock.advance(Duration.ofMinutes(10));
        component.alarms().handle(alarm(AlarmState.OK, "2026-11-27T09:10:00Z"));

        String out = invoke(TableStream.event(filter.select(stream.read())));

        assertThat(out).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(object(id, null)).contains("| Resolved | 2026-11-27 09:10:00 UTC (automatically, the alarm returned"
                + " to OK) |", "It recovered on its own (the alarm returned to OK) before anyone acknowledged it.");
        assertThat(drain(announcements)).hasSize(1);
    }

    @Test
    void regeneratingOnDemand_afterANote_addsAVersion_andKeepsTheEarlierOne() throws IOException {
        String id = openAlarmIncident();
        component.commands().resolve(id, "alice", "Rolled back.");
        invoke(TableStream.event(filter.select(stream.read())));
        String firstVersion = versions(id).get(0).versionId();
        String firstText = object(id, firstVersion);

        String unchanged = invoke(bytes("{\"incidentId\":\"" + id + "\"}"));
        clock.advance(Duration.ofHours(2));
        component.commands().addNote(id, "Follow-up: the pipeline skipped the canary for this service.", "bob");
        assertThat(filter.select(stream.read())).as("a note on a resolved incident is no new resolution").isEmpty();
        String regenerated = invoke(bytes("{\"incidentId\":\"" + id + "\"}"));

        assertThat(json(unchanged)).containsEntry("outcome", "UNCHANGED").containsEntry("announced", false);
        assertThat(json(regenerated)).containsEntry("outcome", "CREATED").containsEntry("announced", true)
                .containsEntry("metricsRecorded", false);
        assertThat(versions(id)).hasSize(2);
        assertThat(object(id, firstVersion)).as("the earlier version is intact").isEqualTo(firstText);
        assertThat(object(id, null)).contains("Follow-up: the pipeline skipped the canary for this service.");
        assertThat(drain(announcements)).hasSize(2);
        assertThat(emf).hasSize(1);
    }

    @Test
    void anIncidentReopenedBeforeItsRecordIsProcessed_getsNoDraftYet() throws IOException {
        String id = openAlarmIncident();
        component.commands().resolve(id, "alice", null);
        component.commands().reopen(id, "bob");

        String out = invoke(TableStream.event(filter.select(stream.read())));

        assertThat(out).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(versions(id)).isEmpty();
        assertThat(drain(announcements)).isEmpty();
        assertThatThrownBy(() -> invoke(bytes("{\"incidentId\":\"" + id + "\"}")))
                .hasMessage("#" + id + " is ACKNOWLEDGED; its postmortem draft is composed once it is resolved");
    }

    // ------------------------------------------------------------------ bad input: a clear error, nothing changed

    @Test
    void aRecordThatCannotBeDrafted_isReportedBySequenceNumber_andTheRecordsBeforeItAreDone() throws IOException {
        String id = openAlarmIncident();
        component.commands().resolve(id, "alice", null);
        List<Map<String, Object>> records = new ArrayList<>(filter.select(stream.read()));
        records.add(record("900", "404"));
        records.add(record("901", id));

        String out = invoke(TableStream.event(records));

        assertThat(out).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"900\"}]}");
        assertThat(versions(id)).hasSize(1);
        assertThat(versions("404")).isEmpty();
    }

    @Test
    void anEventThatIsNotAStreamBatchNorARequest_isRefused_beforeAnythingIsWritten() {
        assertThatThrownBy(() -> invoke(bytes("{\"detail-type\":\"CloudWatch Alarm State Change\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a DynamoDB stream event {\"Records\": [...]} or {\"incidentId\": \"<id>\"};"
                        + " got an object with keys [detail-type]");
        assertThatThrownBy(() -> invoke(bytes("not json"))).hasMessageStartingWith("the event is not JSON");
        assertThatThrownBy(() -> invoke(bytes("{\"Records\":[{\"eventSource\":\"aws:dynamodb\"}]}")))
                .hasMessage("Records[0] has no dynamodb.SequenceNumber; is this a DynamoDB stream event?");
        assertThatThrownBy(() -> invoke(bytes("{\"incidentId\":\"404\"}")))
                .isInstanceOf(NoSuchIncidentException.class).hasMessage("there is no incident #404");
        assertThat(local.s3().listObjectVersions(r -> r.bucket(bucket)).versions()).isEmpty();
        assertThat(drain(announcements)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private String openAlarmIncident() {
        return component.alarms().handle(alarm(AlarmState.ALARM, "2026-11-27T09:00:00Z")).incidentId();
    }

    private static AlarmStateChange alarm(AlarmState state, String at) {
        return new AlarmStateChange(ARN, ALARM, null, "123456789012", "eu-west-1", AlarmKind.METRIC, state, null,
                state == AlarmState.ALARM ? REASON : "Threshold Crossed: back to normal", Instant.parse(at),
                List.of(AlarmMetric.metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        Map.of("LoadBalancer", "app/checkout-prod/50dc6c495c0c9188"))),
                List.of(), DeliveryShape.EVENTBRIDGE);
    }

    /** A stream record of an incident becoming resolved, as Lambda would deliver it. */
    private static Map<String, Object> record(String sequence, String incidentId) {
        return Map.of("eventID", "e" + sequence, "eventName", "MODIFY", "eventSource", "aws:dynamodb",
                "dynamodb", Map.of("SequenceNumber", sequence,
                        "OldImage", Map.of("type", Map.of("S", "incident"), "status", Map.of("S", "TRIGGERED")),
                        "NewImage", Map.of("type", Map.of("S", "incident"), "status", Map.of("S", "RESOLVED"),
                                "id", Map.of("S", incidentId))));
    }

    private String invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<ObjectVersion> versions(String id) {
        return local.s3().listObjectVersions(r -> r.bucket(bucket).prefix("postmortems/" + id + ".md")).versions();
    }

    private String object(String id, String versionId) {
        return local.s3().getObjectAsBytes(r -> r.bucket(bucket).key("postmortems/" + id + ".md").versionId(versionId))
                .asUtf8String();
    }

    private static List<String> headings(String markdown) {
        Node document = Parser.builder().build().parse(markdown);
        List<String> out = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(org.commonmark.node.Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(org.commonmark.node.Code c) {
                        text.append(c.getLiteral());
                    }
                });
                out.add(heading.getLevel() + " " + text);
            }
        });
        return out;
    }

    private String subscribe(String filterPolicy) {
        return local.subscribeQueue(resources.topicArn("PageTopic"), "postmortem-it-" + (++serial) + "-" + System.nanoTime(),
                filterPolicy);
    }

    private List<Message> drain(String queueUrl) {
        return local.drainQueue(queueUrl, 1);
    }

    private static Map<String, Object> json(String text) {
        try {
            return Json.readObject(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object attribute(Map<String, Object> envelope, String name) {
        Map<String, Object> attributes = (Map<String, Object>) envelope.get("MessageAttributes");
        return attributes == null || attributes.get(name) == null ? null
                : ((Map<String, Object>) attributes.get(name)).get("Value");
    }
}
