package dev.firebell.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.account.Account;
import dev.firebell.account.Accounts;
import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.announcement.Announcement;
import dev.firebell.announcement.AnnouncementAction;
import dev.firebell.announcement.Revision;
import dev.firebell.aws.Json;
import dev.firebell.chat.PersonOrTarget;
import dev.firebell.chat.Responder;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.incident.AlarmGroup;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.routing.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every state an announcement shows, as the text and blocks Slack receives, byte for byte against
 * {@code announcements.txt}: triggered with its escalation, acknowledged, escalated further, resolved by a person and
 * by its alarm, reopened, a service without a policy, and what alarms and people wrote escaped. A change to the
 * message shows here as a diff of the transcript ({@code target/announcements.actual.txt}).
 */
class AnnouncementMessagesTest {

    private static final Instant OPENED = Instant.parse("2026-12-10T09:00:04Z");
    private static final Responder ALICE = new Responder("alice", "Alice Smith", "U0ALICE", ZoneId.of("Europe/Paris"));

    private final Incident checkout = Incident.builder().id("7").title("Checkout 5xx above 2% <!channel>")
            .service("checkout").severity(Severity.SEV2).status(IncidentStatus.TRIGGERED).openedAt(OPENED)
            .triggeredAt(OPENED.minusSeconds(4)).alarmName("checkout-api-5xx-high").alarmCount(1).version(1).build();

    @Test
    void everyState_shouldReadAsPinned() throws IOException {
        StringBuilder transcript = new StringBuilder();
        add(transcript, "triggered, first level due", announcement(checkout, null, null,
                new Announcement.Escalation("checkout", EscalationStatus.ACTIVE, null), new Revision(1, 1)));
        add(transcript, "triggered, paged level 1 of 3", announcement(checkout, null, null,
                new Announcement.Escalation("checkout", EscalationStatus.ACTIVE, "level 1 of 3"), new Revision(1, 2)));
        Incident acked = checkout.toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("alice").version(2)
                .alarmCount(3).build();
        add(transcript, "acknowledged by a known person", announcement(acked, named("alice"), null,
                new Announcement.Escalation("checkout", EscalationStatus.PAUSED, "level 1 of 3"), new Revision(2, 3)));
        Incident resolved = acked.toBuilder().status(IncidentStatus.RESOLVED).resolvedBy("alice")
                .resolvedAt(OPENED.plusSeconds(1800)).resolution("rolled back deploy 4711 <@U0BOB> & *flushed*")
                .version(3).build();
        add(transcript, "resolved by a person, with the resolution", announcement(resolved, named("alice"),
                named("alice"), new Announcement.Escalation("checkout", EscalationStatus.STOPPED, "level 1 of 3"),
                new Revision(3, 4)));
        Incident grouped = checkout.toBuilder().id("8").status(IncidentStatus.RESOLVED).resolvedBy("alarm")
                .resolvedAt(OPENED.plusSeconds(420)).reopenCount(2).group(new AlarmGroup(0, 4, List.of("a", "b")))
                .alarmCount(4).version(9).build();
        add(transcript, "resolved by its alarm, grouped, reopened twice before", announcement(grouped, null,
                new PersonOrTarget("alarm", null), new Announcement.Escalation("checkout", EscalationStatus.EXHAUSTED,
                        "level 3 of 3"), new Revision(9, 7)));
        Incident declared = checkout.toBuilder().id("9").service("search").alarmName(null).title("Search is slow")
                .severity(Severity.SEV3).status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("someone-removed").build();
        add(transcript, "declared, no escalation policy, acknowledged by someone unknown", announcement(declared,
                new PersonOrTarget("someone-removed", null), null, null, new Revision(1, 0)));

        String expected;
        try (InputStream in = AnnouncementMessagesTest.class.getResourceAsStream("announcements.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!transcript.toString().equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "announcements.actual.txt"), transcript);
        }
        assertThat(transcript.toString()).isEqualTo(expected);
    }

    @Test
    void aHeartbeatIncidentResolvedByItsJob_shouldSayTheJobPingedAgain_notThatAnAlarmReturnedToOk() {
        Incident heartbeat = checkout.toBuilder().id("12").title("nightly-backup missed its heartbeat")
                .alarmName("heartbeat/nightly-backup").dedupKey("firebell:heartbeat:nightly-backup")
                .status(IncidentStatus.RESOLVED).resolvedBy("alarm").resolvedAt(OPENED.plusSeconds(3600)).build();

        SlackReply reply = AnnouncementMessages.of(announcement(heartbeat, null, new PersonOrTarget("alarm", null),
                null, new Revision(2, 0)));

        assertThat(reply.text()).contains("*Resolved*: the job pinged again after 1h").doesNotContain("returned to OK");
    }

    @Test
    void whatAlarmsAndPeopleWrote_shouldNeverNotifyAnyone() {
        SlackReply reply = AnnouncementMessages.of(announcement(checkout.toBuilder()
                .alarmName("x<!here>`y").description("<!everyone>").build(), null, null, null, new Revision(1, 0)));
        String json = Json.write(SlackMessages.blocks(reply)) + reply.text();

        assertThat(json).doesNotContain("<!channel>", "<!here>", "<!everyone>").contains("&lt;!channel&gt;");
    }

    @Test
    void buttons_shouldCarryTheIncidentAndFirebellsActionIds_andEscalateAndResolveShouldAskFirst() {
        SlackReply reply = AnnouncementMessages.of(announcement(checkout, null, null,
                new Announcement.Escalation("checkout", EscalationStatus.ACTIVE, null), new Revision(1, 1)));

        SlackReply.Actions actions = (SlackReply.Actions) reply.blocks().get(reply.blocks().size() - 1);
        assertThat(actions.buttons()).extracting(SlackReply.Button::actionId)
                .containsExactly("firebell.ack", "firebell.escalate", "firebell.resolve");
        assertThat(actions.buttons()).extracting(SlackReply.Button::value).containsOnly("7");
        assertThat(actions.buttons()).extracting(b -> b.confirm() != null).containsExactly(false, true, true);
        assertThat(actions.blockId()).isEqualTo("firebell.7.1.1");
        Incident done = checkout.toBuilder().status(IncidentStatus.RESOLVED).build();
        assertThat(AnnouncementMessages.of(announcement(done, null, null, null, new Revision(2, 1))).blocks())
                .as("resolved: no buttons").noneMatch(b -> b instanceof SlackReply.Actions);
    }

    @Test
    void anAlarmOfAnotherAccount_shouldSayWhereItIsFrom_andFirebellsOwnShouldNot() {
        Origins origins = new Origins(new Home("123456789012", "eu-west-1"), () -> new Accounts(Map.of(
                "111122223333", new Account("111122223333", "shop-prod"))));
        Incident member = checkout.toBuilder().accountId("111122223333").region("us-east-1").build();
        Incident own = checkout.toBuilder().accountId("123456789012").region("eu-west-1").build();

        SlackReply fromMember = AnnouncementMessages.of(announcement(member, null, null, null, new Revision(1, 0)),
                origins);
        SlackReply fromHome = AnnouncementMessages.of(announcement(own, null, null, null, new Revision(1, 0)), origins);

        assertThat(Json.write(SlackMessages.blocks(fromMember)))
                .contains("*From*\\naccount shop-prod (111122223333), us-east-1");
        assertThat(fromMember.text()).contains("(SEV2, checkout, shop-prod us-east-1): *Triggered*");
        assertThat(fromHome).isEqualTo(AnnouncementMessages.of(announcement(own, null, null, null,
                new Revision(1, 0))));
        assertThat(Json.write(SlackMessages.blocks(fromHome))).doesNotContain("*From*");
    }

    private static Announcement announcement(Incident incident, PersonOrTarget acknowledgedBy,
                                             PersonOrTarget resolvedBy, Announcement.Escalation escalation,
                                             Revision revision) {
        List<AnnouncementAction> actions = AnnouncementAction.forStatus(incident.status()).stream()
                .filter(a -> a != AnnouncementAction.ESCALATE || escalation != null).toList();
        return new Announcement(incident, acknowledgedBy, resolvedBy, escalation, actions, revision);
    }

    private static PersonOrTarget named(String id) {
        return new PersonOrTarget(id, ALICE);
    }

    private static void add(StringBuilder transcript, String what, Announcement a) {
        SlackReply reply = AnnouncementMessages.of(a);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", reply.text());
        message.put("blocks", SlackMessages.blocks(reply));
        transcript.append("> ").append(what).append('\n').append(Json.writePretty(message)).append('\n');
    }
}
