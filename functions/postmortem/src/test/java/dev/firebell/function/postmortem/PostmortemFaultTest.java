package dev.firebell.function.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmState;
import dev.firebell.alarm.AlarmStateChange;
import dev.firebell.alarm.DeliveryShape;
import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.local.LocalInvocation;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.Fault;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The postmortem function while S3 or SNS misbehave, through a {@link FaultProxy} in front of the emulator: a record
 * whose draft fails is reported back by sequence number (Lambda retries from it), and the retry after recovery
 * stores the draft once and announces it once; metrics are emitted once per resolution.
 */
@LocalStackTest
class PostmortemFaultTest {

    private static final String ALARM = "checkout-api-5xx-high";

    private final LocalStack local;
    private final LocalResources resources;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:04Z"));
    private final List<String> emf = new ArrayList<>();
    private FaultProxy proxy;
    private PostmortemHandler handler;
    private String bucket;
    private String announcements;
    private String incidentId;

    PostmortemFaultTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void aResolvedIncident_behindAProxy() {
        local.emptyTable(resources.tableName("FirebellTable"));
        bucket = resources.bucketName("PostmortemBucket");
        for (ObjectVersion v : local.s3().listObjectVersions(r -> r.bucket(bucket)).versions()) {
            local.s3().deleteObject(r -> r.bucket(bucket).key(v.key()).versionId(v.versionId()));
        }
        announcements = local.subscribeQueue(resources.topicArn("PageTopic"), "postmortem-fault-" + System.nanoTime(),
                "{\"event_type\":[\"postmortem.drafted\"]}");

        proxy = FaultProxy.start(local.endpoint());
        System.setProperty("aws.endpointUrl", proxy.endpoint().toString());
        TestPostmortemComponent component = DaggerTestPostmortemComponent.builder()
                .environment(new FunctionEnvironment(resources.environmentOf("PostmortemFunction")))
                .clock(clock).emf(emf).build();
        handler = new PostmortemHandler(component.postmortems());
        component.config().apply(Map.of("routing", Map.of("default", Map.of("service", "checkout", "severity", "SEV2"))),
                "test");
        incidentId = component.alarms().handle(new AlarmStateChange("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:"
                + ALARM, ALARM, null, "123456789012", "eu-west-1", AlarmKind.METRIC, AlarmState.ALARM, null,
                "Threshold Crossed", Instant.parse("2026-11-27T09:00:00Z"), List.of(), List.of(),
                DeliveryShape.EVENTBRIDGE)).incidentId();
        clock.advance(Duration.ofMinutes(12));
        component.commands().resolve(incidentId, "alice", "Rolled back deploy 42.");
        proxy.resetCounts();
    }

    @AfterEach
    void restore() {
        local.exportSdkSettings();
        proxy.close();
    }

    @Test
    void s3FailingThroughout_reportsTheRecordForRetry_andTheRetryAfterRecoveryDraftsAndAnnouncesOnce() {
        proxy.failAlways("s3:PutObject", Fault.serverError());

        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"100\"}]}");
        assertThat(proxy.attempts("s3:PutObject")).isEqualTo(SdkModule.MAX_ATTEMPTS);
        assertThat(versions()).isEmpty();
        assertThat(drain()).isEmpty();

        proxy.heal();
        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(invoke()).as("a redelivery changes nothing").isEqualTo("{\"batchItemFailures\":[]}");

        assertThat(versions()).hasSize(1);
        assertThat(drain()).hasSize(1);
        assertThat(emf).as("metrics once per resolution").hasSize(1);
    }

    @Test
    void snsThrottledThroughoutTheAnnouncement_keepsTheDraft_andTheRetryAnnouncesItOnce_withoutANewVersion() {
        proxy.failAlways("sns:Publish", Fault.throttled());

        assertThat(invoke()).contains("\"itemIdentifier\":\"100\"");
        assertThat(proxy.attempts("sns:Publish")).isEqualTo(SdkModule.MAX_ATTEMPTS);
        assertThat(versions()).hasSize(1);

        proxy.heal();
        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");

        assertThat(versions()).hasSize(1);
        assertThat(drain()).hasSize(1);
        assertThat(emf).hasSize(1);
    }

    @Test
    void failingToMarkTheVersionAnnounced_announcesItAgainOnTheRetry_theOneDuplicateThisFunctionCanSend() {
        proxy.failAlways("s3:PutObjectTagging", Fault.serverError());

        assertThat(invoke()).contains("\"itemIdentifier\":\"100\"");
        proxy.heal();
        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");

        assertThat(versions()).hasSize(1);
        List<String> announced = drain().stream().map(m -> versionAnnounced(m.body())).toList();
        assertThat(announced).hasSize(2).containsOnly(versions().get(0).versionId());
    }

    @Test
    void aLostPutObjectAnswer_storesTheSameTextTwice_andAnnouncesTheDraftOnce() {
        proxy.fail("s3:PutObject", Fault.lostResponse(), 1);

        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(invoke()).isEqualTo("{\"batchItemFailures\":[]}");

        assertThat(versions()).as("the SDK's retry wrote a second, identical version").hasSize(2);
        assertThat(drain()).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    /** The stream record of the incident becoming resolved, as Lambda delivers it. */
    private String invoke() {
        Map<String, Object> record = Map.of("eventID", "e100", "eventName", "MODIFY", "eventSource", "aws:dynamodb",
                "dynamodb", Map.of("SequenceNumber", "100",
                        "OldImage", Map.of("type", Map.of("S", "incident"), "status", Map.of("S", "TRIGGERED")),
                        "NewImage", Map.of("type", Map.of("S", "incident"), "status", Map.of("S", "RESOLVED"),
                                "id", Map.of("S", incidentId))));
        return LocalInvocation.invoke(handler, Json.write(Map.of("Records", List.of(record)))
                .getBytes(StandardCharsets.UTF_8), new TestContext());
    }

    private List<ObjectVersion> versions() {
        return local.s3().listObjectVersions(r -> r.bucket(bucket).prefix("postmortems/" + incidentId + ".md")).versions();
    }

    private List<Message> drain() {
        return local.drainQueue(announcements, 0);
    }

    @SuppressWarnings("unchecked")
    private static String versionAnnounced(String body) {
        try {
            Map<String, Object> document = Json.readObject((String) Json.readObject(body).get("Message"));
            return (String) ((Map<String, Object>) document.get("draft")).get("versionId");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
