package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.incident.Incident;
import dev.firebell.local.EventFilter;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Alarms of three accounts in two regions, through a stack taking its organization's alarms, on the local stack: each
 * event shaped as the central bus delivers it (the member's {@code account} and {@code region}, the alarm's ARN in
 * {@code resources}), handed to the real alarm function whenever the central bus's rule, as deployed, would; Firebell's
 * own account's through the default bus's rule. Deduplication, grouping across accounts, routing by account name, id and
 * region, and what the timeline and the page say (docs/accounts.md). And a member account's alarm action publishing to
 * the stack's alarm topic, delivered by the emulator's SNS, with its copy forwarded through the central bus.
 */
@LocalStackTest
class OrganizationIntakeIntegrationTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final Path ALARM_EVENT = Path.of("../demo/events/01-checkout-alarm.eventbridge.json");
    private static final Path SNS_EVENT = Path.of("../demo/events/02-checkout-alarm-redelivered.sns.json");
    private static final String SHOP_PROD = "111122223333";
    private static final String SHOP_EU = "444455556666";
    private static final String PARTNER = "777788889999";
    private static final Map<String, Object> CONFIGURATION = Map.of(
            "accounts", Map.of(SHOP_PROD, Map.of("name", "shop-prod"), SHOP_EU, Map.of("name", "shop-eu")),
            "services", Map.of("shop", Map.of("pageTarget", "team-shop"),
                    "platform", Map.of("pageTarget", "team-platform")),
            "routing", Map.of("default", Map.of("service", "platform"), "rules", List.of(
                    Map.of("name", "shop accounts", "service", "shop", "severity", "SEV2",
                            "match", Map.of("accountName", List.of("shop-prod", "shop-eu"))),
                    Map.of("name", "partner in eu-west-1", "service", "shop", "severity", "SEV3",
                            "match", Map.of("account", PARTNER, "region", "eu-west-1")))));

    private final LocalStack local;
    private final LocalResources stack;
    private final EventFilter centralRule;
    private final EventFilter defaultRule;
    private final FunctionRunner runner;
    private final DynamoIncidentStore store;
    private final String shopInbox;
    private final List<String> outcomes = new ArrayList<>();

    OrganizationIntakeIntegrationTest(LocalStack local, LocalResources defaultStack) {
        this.local = local;
        SamTemplate template = defaultStack.template();
        this.stack = local.provision(template, "firebell-org", Map.of("AlertEmail", "ops@example.com",
                "OrganizationId", "o-a1b2c3d4e5"));
        this.centralRule = EventFilter.forRule(stack, "AlarmIntakeRule");
        this.defaultRule = EventFilter.forEventBridgeRule(stack, "AlarmIngestFunction", "AlarmStateChange");
        this.runner = new FunctionRunner(stack, QUIET);
        String table = stack.tableName("FirebellTable");
        local.emptyTable(table);
        this.store = new DynamoIncidentStore(local.dynamoDb(), table, InstantSource.system());
        new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(), Duration.ZERO)
                .apply(CONFIGURATION, "OrganizationIntakeIntegrationTest");
        this.shopInbox = PageInbox.subscribe(local, stack.topicArn("PageTopic"), "team-shop");
    }

    @Test
    void alarmsOfThreeAccountsInTwoRegions_shouldDedupGroupAndRoute_andSayWhereTheyAreFrom() throws IOException {
        // GIVEN Firebell in 123456789012/us-east-1 taking its organization's alarms
        assertThat(stack.accountId()).isEqualTo("123456789012");
        assertThat(stack.region()).isEqualTo("us-east-1");

        // WHEN orders-5xx fires in shop-prod (us-east-1), shop-eu (eu-west-1) and the partner's account (eu-west-1),
        // shop-eu's state change arrives twice, and the partner's us-east-1 alarm fires too
        deliver(event(SHOP_PROD, "us-east-1", "orders-5xx", "ALARM", "09:00:04.861"));
        deliver(event(SHOP_EU, "eu-west-1", "orders-5xx", "ALARM", "09:01:10.002"));
        deliver(event(PARTNER, "eu-west-1", "orders-5xx", "ALARM", "09:01:40.500"));
        deliver(event(SHOP_EU, "eu-west-1", "orders-5xx", "ALARM", "09:01:10.002"));
        deliver(event(PARTNER, "us-east-1", "orders-5xx", "ALARM", "09:02:00.000"));
        // AND what the central rule must not take: a Firebell stack's own alarm of a member, and this account's own
        // alarm in this region forwarded too (it is the default bus's, where it is taken once)
        deliver(event(SHOP_PROD, "us-east-1", "Firebell/firebell-team/alarm-ingest-errors", "ALARM", "09:02:10.000"));
        deliver(event(stack.accountId(), stack.region(), "checkout-api-5xx-high", "ALARM", "09:02:20.000"));

        // THEN one incident for the shop's storm across three accounts, one for the partner's alarm outside eu-west-1
        // (no rule: the default service, platform), which this account's own alarm joins; duplicates recognised
        assertThat(outcomes).containsExactly("central OPENED", "central GROUPED", "central GROUPED",
                "central REDELIVERY", "central OPENED", "default GROUPED");
        List<Incident> incidents = store.openIncidents();
        Incident shop = incidents.stream().filter(i -> i.service().equals("shop")).findFirst().orElseThrow();
        assertThat(shop.accountId()).isEqualTo(SHOP_PROD);
        assertThat(shop.region()).isEqualTo("us-east-1");
        assertThat(shop.severity().name()).isEqualTo("SEV2");
        assertThat(shop.group().members()).isEqualTo(3);
        assertThat(store.track(arn(SHOP_EU, "eu-west-1", "orders-5xx")).incidentId()).isEqualTo(shop.id());
        assertThat(store.track(arn(PARTNER, "eu-west-1", "orders-5xx")).incidentId()).isEqualTo(shop.id());
        assertThat(incidents).filteredOn(i -> i.service().equals("platform")).singleElement()
                .satisfies(platform -> assertThat(platform.accountId()).isEqualTo(PARTNER))
                .satisfies(platform -> assertThat(platform.group().memberNames()).containsExactly("orders-5xx",
                        "checkout-api-5xx-high"));

        // AND the shop's timeline names each member's account (configured name, else id) and region
        assertThat(store.timeline(shop.id()))
                .filteredOn(e -> EnumSet.of(TimelineEntryType.OPENED, TimelineEntryType.GROUPED).contains(e.type()))
                .extracting(TimelineEntry::summary)
                .satisfiesExactly(
                        opened -> assertThat(opened).contains("routed by rule 'shop accounts'; from account shop-prod"
                                + " (111122223333), us-east-1)"),
                        shopEu -> assertThat(shopEu).endsWith("; from account shop-eu (444455556666), eu-west-1"),
                        partner -> assertThat(partner).endsWith("; from account 777788889999, eu-west-1"));

        // AND the one page the storm sent says where its alarm is, and that the console needs a role switch
        List<Message> pages = PageInbox.drain(local, shopInbox);
        assertThat(pages).hasSize(1);
        Map<String, Object> envelope = Json.readObject(pages.get(0).body());
        assertThat(envelope.get("Subject")).isEqualTo("[Firebell] SEV2 #" + shop.id()
                + " shop (shop-prod us-east-1): orders-5xx");
        Map<String, Object> page = Json.readObject(String.valueOf(envelope.get("Message")));
        assertThat(object(page.get("incident"))).containsEntry("accountId", SHOP_PROD)
                .containsEntry("accountName", "shop-prod").containsEntry("region", "us-east-1")
                .containsEntry("consoleNote", "in account shop-prod (111122223333): switch role first");

        // WHEN the three return to OK, from their accounts, THEN the last one resolves the shop's incident
        deliver(event(SHOP_PROD, "us-east-1", "orders-5xx", "OK", "09:10:00.000"));
        deliver(event(PARTNER, "eu-west-1", "orders-5xx", "OK", "09:11:00.000"));
        assertThat(store.incident(shop.id()).orElseThrow().isOpen()).isTrue();
        deliver(event(SHOP_EU, "eu-west-1", "orders-5xx", "OK", "09:12:00.000"));
        assertThat(store.incident(shop.id()).orElseThrow().isOpen()).isFalse();
        assertThat(outcomes.subList(outcomes.size() - 3, outcomes.size()))
                .containsExactly("central GROUPED_OK", "central GROUPED_OK", "central RESOLVED");
    }

    @Test
    void alarmActionOfAMemberAccount_onTheAlarmTopic_shouldBeRoutedByItsAccount_andItsForwardedCopyFolded()
            throws IOException {
        // GIVEN shop-prod's alarm in the stack's region, whose alarm action notifies the stack's alarm topic, and the
        // function's subscription to that topic (an SQS queue stands in for Lambda's, to see what SNS delivers)
        String topic = stack.topicArn("AlarmTopic");
        String subscription = local.subscribeQueue(topic, "org-alarm-topic-deliveries", null);

        // WHEN CloudWatch publishes the state change there, from shop-prod
        String message = alarmMessage(SHOP_PROD, "orders-latency", "ALARM", "OK", "10:00:04.500", topic);
        local.sns().publish(r -> r.topicArn(topic).subject("ALARM: \"orders-latency\" in US East (N. Virginia)")
                .message(message));
        List<Message> delivered = local.drainQueue(subscription, 1);
        assertThat(delivered).hasSize(1);
        deliver(snsEvent(Json.readObject(delivered.get(0).body())), "sns");
        // AND the member's forwarding rule sends the same state change to the central bus
        deliver(event(SHOP_PROD, "us-east-1", "orders-latency", "ALARM", "10:00:04.500"));

        // THEN one incident, routed by the account's name, from shop-prod in us-east-1; the second copy folded
        assertThat(outcomes).containsExactly("sns OPENED", "central REDELIVERY");
        Incident shop = store.openIncidents().stream().filter(i -> i.service().equals("shop")).findFirst()
                .orElseThrow();
        assertThat(shop.accountId()).isEqualTo(SHOP_PROD);
        assertThat(shop.region()).isEqualTo("us-east-1");
        assertThat(store.track(arn(SHOP_PROD, "us-east-1", "orders-latency")).incidentId()).isEqualTo(shop.id());
        assertThat(store.timeline(shop.id())).filteredOn(e -> e.type() == TimelineEntryType.OPENED).singleElement()
                .extracting(TimelineEntry::summary).asString()
                .contains("routed by rule 'shop accounts'; from account shop-prod (111122223333), us-east-1)");
        List<Message> pages = PageInbox.drain(local, shopInbox);
        assertThat(pages).hasSize(1);
        assertThat(Json.readObject(pages.get(0).body()).get("Subject")).isEqualTo("[Firebell] SEV2 #" + shop.id()
                + " shop (shop-prod us-east-1): orders-latency");
    }

    /** As EventBridge would: the central bus's rule, else (this account and region only) the default bus's. */
    private void deliver(Map<String, Object> event) throws IOException {
        boolean home = stack.accountId().equals(event.get("account")) && stack.region().equals(event.get("region"));
        String via = centralRule.matches(event) ? "central" : home && defaultRule.matches(event) ? "default" : null;
        if (via != null) {
            deliver(event, via);
        }
    }

    /** The alarm function invoked with the event, its outcomes noted as arriving {@code via}. */
    private void deliver(Map<String, Object> event, String via) throws IOException {
        String output = runner.invoke("AlarmIngestFunction", Json.write(event).getBytes(StandardCharsets.UTF_8));
        Object kinds = Json.readObject(output).get("outcomes");
        for (Object outcome : (List<?>) kinds) {
            outcomes.add(via + " " + ((Map<?, ?>) outcome).get("outcome"));
        }
    }

    /** The demo's real-shaped event, as the account's alarm in its region changing to {@code state} at the time. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String account, String region, String alarm, String state, String at)
            throws IOException {
        Map<String, Object> event = new LinkedHashMap<>(Json.readObject(Files.readString(ALARM_EVENT)));
        Map<String, Object> detail = new LinkedHashMap<>((Map<String, Object>) event.get("detail"));
        Map<String, Object> now = new LinkedHashMap<>((Map<String, Object>) detail.get("state"));
        now.put("value", state);
        now.put("timestamp", "2026-11-27T" + at + "+0000");
        detail.put("state", now);
        detail.put("alarmName", alarm);
        event.put("detail", detail);
        event.put("time", "2026-11-27T" + at.substring(0, 8) + "Z");
        event.put("account", account);
        event.put("region", region);
        event.put("resources", List.of(arn(account, region, alarm)));
        return event;
    }

    /**
     * The demo's SNS alarm message, as the account's alarm in the stack's region (us-east-1) notifying {@code topic}:
     * the region as SNS writes it (a display name) and the ARN naming the member account.
     */
    @SuppressWarnings("unchecked")
    private static String alarmMessage(String account, String alarm, String state, String old, String at, String topic)
            throws IOException {
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) Json.readObject(Files.readString(SNS_EVENT))
                .get("Records")).get(0);
        Map<String, Object> message = new LinkedHashMap<>(Json.readObject(String.valueOf(
                ((Map<String, Object>) record.get("Sns")).get("Message"))));
        message.put("AlarmName", alarm);
        message.put("AWSAccountId", account);
        message.put("NewStateValue", state);
        message.put("OldStateValue", old);
        message.put("StateChangeTime", "2026-11-27T" + at + "+0000");
        message.put("Region", "US East (N. Virginia)");
        message.put("AlarmArn", arn(account, "us-east-1", alarm));
        message.put("AlarmActions", List.of(topic));
        return Json.write(message);
    }

    /** What Lambda hands its SNS subscriber: the notification SNS delivered, as one record. */
    private static Map<String, Object> snsEvent(Map<String, Object> notification) {
        Map<String, Object> sns = new LinkedHashMap<>();
        for (String key : List.of("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature")) {
            sns.put(key, notification.get(key));
        }
        sns.put("SigningCertUrl", notification.get("SigningCertURL"));
        sns.put("UnsubscribeUrl", notification.get("UnsubscribeURL"));
        sns.put("MessageAttributes", Map.of());
        return Map.of("Records", List.of(Map.of("EventSource", "aws:sns", "EventVersion", "1.0",
                "EventSubscriptionArn", notification.get("TopicArn") + ":2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",
                "Sns", sns)));
    }

    private static String arn(String account, String region, String alarm) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarm;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
