package dev.firebell.function.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.answer.ReplyCode;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SnsEvent;
import dev.firebell.local.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile inbound messages and events at the SMS reply function, seeded: from numbers no one has (which
 * must write nothing at all), from a configured number saying anything that is not a code for one of its incidents
 * (which may count the reply and remember its id, and answer at most the rate limit's worth of SMS, but change no
 * incident), and events that are not inbound SMS at all. None may fail the invocation.
 */
@LocalStackTest
class SmsReplyFuzzIntegrationTest {

    private static final long SEED = 7_0_2026L;
    private static final int MESSAGES = 2000;
    private static final List<String> STRANGERS = List.of("+14255550182", "+447700900123", "+33612345679", "+1",
            "33612345678", "+33 6 12 34 56 78", "", "+336123456780000000", "\u202e+33612345678");

    private final LocalStack local;
    private final LocalResources defaults;

    SmsReplyFuzzIntegrationTest(LocalStack local, LocalResources defaults) {
        this.local = local;
        this.defaults = defaults;
    }

    @Test
    void hostileMessages_shouldChangeNoIncident_andAnswerNoMoreThanTheRateLimit() {
        SmsFixture fixture = new SmsFixture(local, defaults);
        fixture.declare("Checkout 5xx high");
        var incidentsBefore = fixture.incidentItems();
        var everythingBefore = fixture.items();
        int smsBefore = local.smsSent().size();
        Random random = new Random(SEED);

        // Strangers and odd events alone: not a single item written, not even a counter.
        for (int i = 0; i < MESSAGES / 4; i++) {
            fixture.handle(random.nextBoolean() ? oddEvent(random, fixture.inboundTopic) : event(fixture, inbound(
                    STRANGERS.get(random.nextInt(STRANGERS.size())), hostileBody(random), "first-" + i)));
        }
        assertThat(fixture.items()).isEqualTo(everythingBefore);
        assertThat(local.smsSent()).hasSize(smsBefore);

        int fromStrangers = 0;
        for (int i = 0; i < MESSAGES; i++) {
            byte[] event;
            int kind = random.nextInt(10);
            if (kind < 5) {
                event = event(fixture, inbound(STRANGERS.get(random.nextInt(STRANGERS.size())), hostileBody(random),
                        "stranger-" + i));
                fromStrangers++;
            } else if (kind < 8) {
                String body = hostileBody(random);
                if (actsOnAnIncident(body)) {
                    continue;
                }
                event = event(fixture, inbound(SmsFixture.ALICE, body, "alice-" + i));
            } else {
                event = oddEvent(random, fixture.inboundTopic);
            }
            fixture.handle(event);
        }

        assertThat(fromStrangers).isGreaterThan(MESSAGES / 3);
        assertThat(fixture.incidentItems()).as("incidents, timelines, pages, escalations").isEqualTo(incidentsBefore);
        Set<String> added = new TreeSet<>(fixture.items().keySet());
        added.removeAll(everythingBefore.keySet());
        assertThat(added).as("only alice's reply counter and message ids").allSatisfy(key -> assertThat(key)
                .matches("(REPLIES#\\+33612345678 \\| WINDOW#.*|ANSWER#sms:alice-[0-9]+ \\| ANSWER)"));
        assertThat(local.smsSent().size() - smsBefore).as("answers sent").isBetween(1, 6);
    }

    /** Whether a body is a code that would act on an incident that exists (those are not hostile: they act). */
    private static boolean actsOnAnIncident(String body) {
        return ReplyCode.parse(body).filter(code -> code.incidentId() == null || code.incidentId().equals("1"))
                .isPresent();
    }

    private static String hostileBody(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "STOP";
            case 2 -> random.nextInt(1_000_000) + List.of("a", "e", "r", "x", "aa", " ack", "!").get(random.nextInt(7));
            case 3 -> "<script>alert(1)</script>";
            case 4 -> "7a".repeat(random.nextInt(200));
            case 5 -> "\u0000\u0007\u202e" + random.nextInt();
            case 6 -> "help";
            default -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield new String(bytes, StandardCharsets.ISO_8859_1);
            }
        };
    }

    private static Map<String, Object> inbound(String from, String body, String id) {
        Map<String, Object> sms = new LinkedHashMap<>();
        sms.put("originationNumber", from);
        sms.put("destinationNumber", "+12065550100");
        sms.put("messageKeyword", "");
        sms.put("messageBody", body);
        sms.put("inboundMessageId", id);
        sms.put("previousPublishedMessageId", null);
        return sms;
    }

    /** The SNS event of one message, as the inbound topic delivers it (without publishing thousands through moto). */
    private static byte[] event(SmsFixture fixture, Map<String, Object> sms) {
        String envelope = dev.firebell.aws.Json.write(Map.of("Type", "Notification", "MessageId", "m",
                "TopicArn", fixture.inboundTopic, "Message", dev.firebell.aws.Json.write(sms),
                "Timestamp", "2026-11-27T09:00:00.000Z"));
        return SnsEvent.delivered(envelope, fixture.inboundTopic + ":local");
    }

    private static byte[] oddEvent(Random random, String topic) {
        String text = switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> "[]";
            case 2 -> "{\"Records\":\"nope\"}";
            case 3 -> "{\"Records\":[{\"Sns\":{\"TopicArn\":\"" + topic + "\",\"Message\":\"not json\"}}]}";
            case 4 -> "{\"Records\":[{\"Sns\":{\"TopicArn\":\"" + topic + "\",\"Message\":\"{\\\"originationNumber\\\":7}\"}}]}";
            case 5 -> "{\"Records\":[1,null,{\"Sns\":null}]}";
            default -> "{\"Records\":[{\"Sns\":{\"TopicArn\":\"" + topic + "\",\"Message\":\"" + "x".repeat(300_000)
                    + "\"}}]}";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
