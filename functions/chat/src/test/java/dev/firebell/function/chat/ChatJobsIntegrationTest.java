package dev.firebell.function.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.aws.Json;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.chat.slack.SlackEndpoint.DeferredCommand;
import dev.firebell.function.chat.ChatFixture.Response;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Deferred commands through the chat jobs topic (ADR 34), with the production wiring against the emulator: the real
 * handler publishes the job to the topic the template creates; a queue subscribed to that topic shows what SNS
 * received; the test hands it back to the handler as the SNS event Lambda would get (moto does not invoke Lambda).
 */
@LocalStackTest
class ChatJobsIntegrationTest {

    private final ChatFixture fixture;
    private final LocalStack local;
    private String queueUrl;
    private Fakes.Responses responses;
    private ChatHandler handler;
    private ByteArrayOutputStream log;

    ChatJobsIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.fixture = new ChatFixture(local, resources);
    }

    @BeforeEach
    void aQueueOnTheJobsTopic_andTheProductionHandler() {
        fixture.reset();
        queueUrl = local.sqs().createQueue(r -> r.queueName("chat-jobs-seen-by-test")).queueUrl();
        local.sqs().purgeQueue(r -> r.queueUrl(queueUrl));
        String queueArn = local.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        boolean subscribed = local.sns().listSubscriptionsByTopic(r -> r.topicArn(fixture.jobTopicArn())).subscriptions()
                .stream().anyMatch(s -> s.endpoint().equals(queueArn));
        if (!subscribed) {
            local.sns().subscribe(r -> r.topicArn(fixture.jobTopicArn()).protocol("sqs").endpoint(queueArn));
        }
        responses = new Fakes.Responses();
        // Production deferrals: the SNS client and the topic of the template's environment.
        handler = fixture.handler(ChatOverrides.none().people(Fakes.people(Fakes.ALICE, Fakes.BOB)).responses(responses));
        log = new ByteArrayOutputStream();
    }

    @Test
    void declare_shouldPublishTheSignedRequest_andTheSnsEventShouldFinishItOnce() {
        byte[] body = SlackRequests.body(Fakes.ALICE.chatUserId(), "declare SEV2 Checkout is failing checkout");
        byte[] request = SlackRequests.signedEvent(body);

        Response accepted = unchanged(() -> ChatFixture.invoke(handler, request));

        assertThat(accepted.text()).contains("Declaring a SEV2 incident for checkout");
        Map<String, Object> notification = published();
        assertThat(notification).containsEntry("TopicArn", fixture.jobTopicArn());
        Map<String, Object> job = job(notification);
        assertThat(job).containsEntry("version", 1).containsEntry("publishedBy", "$LATEST")
                .containsKeys("timestamp", "signature");
        assertThat(Base64.getDecoder().decode((String) job.get("body"))).isEqualTo(body);

        // WHEN SNS invokes the function with it, twice (SNS and Lambda both deliver at least once)
        run(lambdaEvent(notification));
        run(lambdaEvent(notification));

        // THEN one incident, announced once
        assertThat(fixture.store.openIncidents()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Checkout is failing");
            assertThat(i.commander()).isEqualTo("alice");
        });
        assertThat(responses.posts).singleElement().satisfies(post ->
                assertThat(String.valueOf(post.message().get("text"))).contains("<@U0ALICE> declared *#"));
        assertThat(logged()).contains("deferred command delivered again; it ran already");
    }

    @Test
    void escalate_shouldPublishToo_andPageTheNextLevelWhenItRuns() {
        String id = fixture.declared("Payments are failing", "payments");

        ChatFixture.invoke(handler, SlackRequests.signedEvent(SlackRequests.body(Fakes.ALICE.chatUserId(),
                "escalate " + id)));
        run(lambdaEvent(published()));

        assertThat(fixture.store.pages(id)).extracting(dev.firebell.paging.Page::target)
                .containsExactly("person:alice", "person:bob");
        assertThat(String.valueOf(responses.posts.get(0).message().get("text"))).contains("escalated *#" + id + "*");
    }

    @Test
    void aJobPublishedByAnotherFunctionVersion_orWithoutAVersionField_shouldRun_andSaySo() {
        // A canary deployment: the alias may hand version 8 a job version 7 published, or the other way round.
        DeferredCommand command = signedCommand("declare SEV3 Search is slow search", Instant.now());
        Map<String, Object> job = new LinkedHashMap<>(job(ChatJobs.message(command, "7")));
        job.remove("version");
        job.put("addedByALaterVersion", "ignored");

        run(ChatJobs.snsEvent(fixture.jobTopicArn(), Json.write(Map.of("firebellChatJob", job))));

        assertThat(fixture.store.openIncidents()).singleElement().satisfies(i -> assertThat(i.title())
                .isEqualTo("Search is slow"));
        assertThat(logged()).contains("INFO chat job published by function version 7, run by version $LATEST");
    }

    @Test
    void aJobOfANewerFormat_shouldFailTheInvocation_soItIsKeptInTheFailureQueue_andChangeNothing() {
        DeferredCommand command = signedCommand("declare SEV3 Search is slow search", Instant.now());
        Map<String, Object> job = new LinkedHashMap<>(job(ChatJobs.message(command, "9")));
        job.put("version", 2);
        byte[] event = ChatJobs.snsEvent(fixture.jobTopicArn(), Json.write(Map.of("firebellChatJob", job)));

        unchanged(() -> {
            assertThatThrownBy(() -> run(event)).hasMessageContaining("chat job format version 2 is not 1");
            return null;
        });
        assertThat(logged()).contains("ERROR cannot run a chat job");
    }

    @Test
    void messagesFromOtherTopics_orThatAreNotJobs_andStaleOrForgedJobs_shouldChangeNothing() {
        DeferredCommand fresh = signedCommand("declare SEV2 Checkout is failing checkout", Instant.now());
        DeferredCommand stale = signedCommand("declare SEV2 Checkout is failing checkout", Instant.now().minusSeconds(301));
        DeferredCommand forged = new DeferredCommand(fresh.timestamp(), SlackRequests.sign("not-the-secret",
                fresh.timestamp(), fresh.body()), fresh.body());
        String pageTopic = fixture.resources.topicArn("PageTopic");

        unchanged(() -> {
            run(ChatJobs.snsEvent(pageTopic, ChatJobs.message(fresh, "1")));
            run(ChatJobs.snsEvent(fixture.jobTopicArn(), "{\"AlarmName\":\"not a job\"}"));
            run(ChatJobs.snsEvent(fixture.jobTopicArn(), "not JSON"));
            run("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}".getBytes(StandardCharsets.UTF_8));
            run(fixture.jobEvent(stale));
            run(fixture.jobEvent(forged));
            return null;
        });

        assertThat(responses.posts).isEmpty();
        assertThat(logged()).contains("ignored: an SNS message from " + pageTopic + ", not from the chat jobs topic")
                .contains("ignored: an SNS message on the chat jobs topic that is not a chat job")
                .contains("ignored: an event record that is not an SNS message")
                .contains("deferred command refused: signature STALE")
                .contains("deferred command refused: signature MISMATCH");
    }

    @Test
    void aPublishThatFails_shouldTellThePerson_andChangeNothing() {
        Map<String, String> env = new HashMap<>(fixture.resources.environmentOf("ChatFunction"));
        env.put("SLACK_TEAM_IDS", SlackRequests.TEAM);
        env.put("CHAT_JOB_TOPIC_ARN", fixture.jobTopicArn() + "-deleted");
        ChatHandler noTopic = new ChatHandler(new FunctionEnvironment(env),
                ChatOverrides.none().people(Fakes.people(Fakes.ALICE)).responses(responses));

        Response r = unchanged(() -> ChatFixture.invoke(noTopic, SlackRequests.signedEvent(SlackRequests.body(
                Fakes.ALICE.chatUserId(), "declare SEV2 Checkout is failing checkout"))));

        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("Firebell could not start that command").contains("Nothing was changed; try again");
        assertThat(local.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(0)).messages()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** The one notification SNS delivered to the test's queue (the SNS JSON envelope, as for any SQS subscriber). */
    private Map<String, Object> published() {
        List<Message> messages = local.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(2)).messages();
        assertThat(messages).as("messages on the chat jobs topic").hasSize(1);
        messages.forEach(m -> local.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        try {
            return Json.readObject(messages.get(0).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> notification) {
        return job((String) notification.get("Message"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(String message) {
        try {
            return (Map<String, Object>) Json.readObject(message).get("firebellChatJob");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event Lambda gets from an SNS subscription for this notification: the same fields in a record (two spelled
     * differently), with the subscription's ARN.
     */
    private static byte[] lambdaEvent(Map<String, Object> notification) {
        Map<String, Object> sns = new LinkedHashMap<>();
        for (String field : List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature")) {
            if (notification.get(field) != null) {
                sns.put(field, notification.get(field));
            }
        }
        sns.put("SigningCertUrl", notification.get("SigningCertURL"));
        sns.put("UnsubscribeUrl", notification.get("UnsubscribeURL"));
        sns.put("MessageAttributes", Map.of());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", notification.get("TopicArn") + ":0b6c1a2e-test");
        record.put("Sns", sns);
        return Json.write(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
    }

    private static DeferredCommand signedCommand(String text, Instant at) {
        byte[] body = SlackRequests.body(Fakes.ALICE.chatUserId(), text);
        String ts = SlackRequests.timestamp(at);
        return new DeferredCommand(ts, SlackRequests.sign(SlackRequests.SECRET, ts, body), body);
    }

    /** Invokes the handler with an SNS event; what a job invocation returns is always {@code {}}. */
    private void run(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out,
                    ChatFixture.context(new PrintStream(log, true, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private <T> T unchanged(java.util.function.Supplier<T> action) {
        List<Map<String, AttributeValue>> before = fixture.snapshot();
        T result = action.get();
        assertThat(fixture.snapshot()).as("the table").isEqualTo(before);
        return result;
    }
}
