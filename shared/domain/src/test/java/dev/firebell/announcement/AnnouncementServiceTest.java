package dev.firebell.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.firebell.announcement.AnnouncementService.Kind;
import dev.firebell.announcement.AnnouncementService.Outcome;
import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.PersonOrTarget;
import dev.firebell.chat.Responder;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationState;
import dev.firebell.escalation.EscalationStatus;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When an announcement is posted, updated, found again or left alone, against an in-memory store and a channel that
 * records what it was asked and can fail as a chat platform does: refusing a post, or losing its answer.
 */
class AnnouncementServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-10T09:00:00Z");
    private static final Responder ALICE = new Responder("alice", "Alice Smith", "U0ALICE", ZoneId.of("Europe/Paris"));

    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, EscalationState> escalations = new HashMap<>();
    private final IncidentStore incidentStore = mock(IncidentStore.class);
    private final InMemoryAnnouncementStore store = new InMemoryAnnouncementStore();
    private final RecordingChannel channel = new RecordingChannel();
    private Instant now = T0;
    private final FirebellConfig config = new ConfigBinder().bind(Map.of(
            "chat", Map.of("slackChannel", "C0INCIDENTS"),
            "services", Map.of("checkout", Map.of("slackChannel", "C0CHECKOUT", "escalationPolicy", "checkout"),
                    "search", Map.of("slackChannel", "none")),
            "people", Map.of("alice", Map.of("name", "Alice Smith", "timeZone", "Europe/Paris", "chatUserId", "U0ALICE")),
            "escalationPolicies", Map.of("checkout", Map.of("levels", List.of(
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))),
                    Map.of("escalateAfter", "5m", "targets", List.of(Map.of("person", "alice"))))))));
    private final AnnouncementService service = new AnnouncementService(incidentStore, () -> config,
            PeopleDirectory.of(List.of(ALICE)), store, channel, () -> now);

    AnnouncementServiceTest() {
        when(incidentStore.incident(anyString())).thenAnswer(i -> Optional.ofNullable(incidents.get(i.<String>getArgument(0))));
        when(incidentStore.escalation(anyString()))
                .thenAnswer(i -> Optional.ofNullable(escalations.get(i.<String>getArgument(0))));
    }

    @Test
    void announce_shouldPostOnce_inTheServicesChannel_andLeaveItAlone_whileNothingChanged() {
        incident("7", "checkout", IncidentStatus.TRIGGERED, 1);

        Outcome first = announce("7");
        Outcome again = announce("7");

        assertThat(first.kind()).isEqualTo(Kind.POSTED);
        assertThat(again.kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(channel.calls).containsExactly("post C0CHECKOUT #7 TRIGGERED [ACKNOWLEDGE, ESCALATE, RESOLVE] 1.1");
        AnnouncementRecord record = store.find("7").orElseThrow();
        assertThat(record.message()).isEqualTo(new MessageRef("C0CHECKOUT", "ts-1"));
        assertThat(record.revision()).isEqualTo(new Revision(1, 1));
    }

    @Test
    void announce_shouldUpdateTheMessage_toEachNewerState_withWhoDidItAndTheButtonsThatStillMakeSense() {
        incident("7", "checkout", IncidentStatus.TRIGGERED, 1);
        escalations.put("7", new EscalationState("7", "checkout", EscalationStatus.ACTIVE, 1, 0, T0.plusSeconds(300),
                Duration.ofMinutes(5), 2, 1));
        announce("7");

        escalations.put("7", new EscalationState("7", "checkout", EscalationStatus.ACTIVE, 2, 1, T0.plusSeconds(600),
                Duration.ofMinutes(5), 3, 2));
        Outcome escalated = announce("7");
        incidents.put("7", incidents.get("7").toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("alice")
                .version(2).build());
        Outcome acknowledged = announce("7");

        assertThat(escalated.kind()).isEqualTo(Kind.UPDATED);
        assertThat(acknowledged.kind()).isEqualTo(Kind.UPDATED);
        assertThat(channel.calls).containsExactly(
                "post C0CHECKOUT #7 TRIGGERED [ACKNOWLEDGE, ESCALATE, RESOLVE] 1.1",
                "update ts-1 #7 TRIGGERED [ACKNOWLEDGE, ESCALATE, RESOLVE] 1.2",
                "update ts-1 #7 ACKNOWLEDGED [ESCALATE, RESOLVE] 2.2");
        Announcement last = channel.last;
        assertThat(last.acknowledgedBy()).isEqualTo(new PersonOrTarget("alice", ALICE));
        assertThat(last.escalation()).isEqualTo(new Announcement.Escalation("checkout", EscalationStatus.ACTIVE,
                "level 2 of 2"));
        assertThat(store.find("7").orElseThrow().revision()).isEqualTo(new Revision(2, 2));
    }

    @Test
    void announce_shouldNeverGoBack_whenAnOlderStateIsAllItCanSee() {
        incident("7", "checkout", IncidentStatus.RESOLVED, 5);
        announce("7");
        incidents.put("7", incidents.get("7").toBuilder().status(IncidentStatus.TRIGGERED).version(4).build());

        assertThat(announce("7").kind()).isEqualTo(Kind.UNCHANGED);
        assertThat(channel.calls).containsExactly("post C0CHECKOUT #7 RESOLVED [] 5.1");
    }

    @Test
    void announce_shouldUseTheDefaultChannel_andAnnounceNothing_forAServiceWithChannelNone() {
        incident("8", "payments", IncidentStatus.TRIGGERED, 1);
        incident("9", "search", IncidentStatus.TRIGGERED, 1);

        assertThat(announce("8").kind()).isEqualTo(Kind.POSTED);
        Outcome off = announce("9");

        assertThat(off.kind()).isEqualTo(Kind.NOT_ANNOUNCED);
        assertThat(off.detail()).contains("services.search.slackChannel or chat.slackChannel");
        assertThat(channel.calls).as("no escalation policy: no Escalate button")
                .containsExactly("post C0INCIDENTS #8 TRIGGERED [ACKNOWLEDGE, RESOLVE] 1.0");
        assertThat(store.find("9")).isEmpty();
        assertThat(announce("404").kind()).isEqualTo(Kind.NO_INCIDENT);
    }

    @Test
    void aRefusedPost_shouldReleaseItsClaim_andTheRetryAtOncePostsOnce() {
        incident("7", "checkout", IncidentStatus.TRIGGERED, 1);
        channel.refuseNextPost = true;

        assertThatThrownBy(() -> announce("7")).hasMessage("channel_not_found");
        AnnouncementRecord released = store.find("7").orElseThrow();
        assertThat(released.posted()).isFalse();
        assertThat(released.lapsedAt(T0)).as("released: no need to wait for the invocation's end").isTrue();
        now = T0.plusMillis(200);
        Outcome retried = announce("7");

        assertThat(retried.kind()).isEqualTo(Kind.POSTED);
        assertThat(channel.calls).containsExactly("post refused", "find C0CHECKOUT #7 since " + T0,
                "post C0CHECKOUT #7 TRIGGERED [ACKNOWLEDGE, ESCALATE, RESOLVE] 1.1");
    }

    @Test
    void aPostWhoseAnswerWasLost_shouldBeFoundAgain_neverPostedTwice() {
        incident("7", "checkout", IncidentStatus.TRIGGERED, 1);
        channel.loseNextAnswer = true;
        assertThatThrownBy(() -> announce("7")).hasMessageContaining("timed out");

        incidents.put("7", incidents.get("7").toBuilder().status(IncidentStatus.ACKNOWLEDGED).acknowledgedBy("alice")
                .version(2).build());
        now = T0.plusSeconds(60);
        Outcome recovered = announce("7");

        assertThat(recovered.kind()).isEqualTo(Kind.RECOVERED);
        assertThat(channel.posted).hasSize(1);
        assertThat(channel.calls).containsExactly(
                "post C0CHECKOUT #7 TRIGGERED [ACKNOWLEDGE, ESCALATE, RESOLVE] 1.1 (answer lost)",
                "find C0CHECKOUT #7 since " + T0,
                "update ts-1 #7 ACKNOWLEDGED [ESCALATE, RESOLVE] 2.1");
        assertThat(store.find("7").orElseThrow().message()).isEqualTo(new MessageRef("C0CHECKOUT", "ts-1"));
    }

    @Test
    void aLiveClaimOfAnotherInvocation_shouldMakeItWait_andPostNothing() {
        incident("7", "checkout", IncidentStatus.TRIGGERED, 1);
        store.claim("7", "C0CHECKOUT", T0, T0.plusSeconds(60), "another invocation");

        assertThatThrownBy(() -> announce("7")).isInstanceOf(AnnouncementBusyException.class)
                .hasMessageContaining("#7 is being posted by another invocation");
        assertThat(channel.calls).isEmpty();
    }

    @Test
    void anExistingAnnouncement_shouldStayInItsChannel_whenTheConfigurationMovesTheService() {
        incident("7", "checkout", IncidentStatus.TRIGGERED, 1);
        store.claim("7", "C0OLD", T0.minusSeconds(600), T0.minusSeconds(540), "earlier");
        store.posted("7", "earlier", new MessageRef("C0OLD", "ts-old"), new Revision(0, 0), T0.minusSeconds(590));

        assertThat(announce("7").kind()).isEqualTo(Kind.UPDATED);
        assertThat(channel.calls).containsExactly("update ts-old #7 TRIGGERED [ACKNOWLEDGE, ESCALATE, RESOLVE] 1.1");
    }

    private Outcome announce(String id) {
        return service.announce(id, now.plusSeconds(30));
    }

    /** An incident; checkout's escalates (its first step due), the other services have no policy. */
    private void incident(String id, String service, IncidentStatus status, long version) {
        incidents.put(id, Incident.builder().id(id).title("Checkout is failing").service(service)
                .severity(Severity.SEV2).status(status).openedAt(T0.minusSeconds(90)).version(version).build());
        if (service.equals("checkout")) {
            escalations.put(id, new EscalationState(id, "checkout", EscalationStatus.ACTIVE, 0, -1, T0,
                    Duration.ZERO, 1, 1));
        }
    }

    /** A chat platform that records every call, numbers its messages, and fails when told to. */
    private static final class RecordingChannel implements AnnouncementChannel {
        final List<String> calls = new ArrayList<>();
        final Map<String, MessageRef> posted = new HashMap<>();
        boolean refuseNextPost;
        boolean loseNextAnswer;
        Announcement last;

        @Override
        public MessageRef post(String channel, Announcement a) {
            if (refuseNextPost) {
                refuseNextPost = false;
                calls.add("post refused");
                throw new IllegalStateException("channel_not_found");
            }
            MessageRef message = new MessageRef(channel, "ts-" + (posted.size() + 1));
            posted.put(a.incident().id(), message);
            last = a;
            if (loseNextAnswer) {
                loseNextAnswer = false;
                calls.add("post " + channel + " " + describe(a) + " (answer lost)");
                throw new IllegalStateException("request timed out");
            }
            calls.add("post " + channel + " " + describe(a));
            return message;
        }

        @Override
        public void update(MessageRef message, Announcement a) {
            last = a;
            calls.add("update " + message.id() + " " + describe(a));
        }

        @Override
        public Optional<MessageRef> findEarlier(String channel, String incidentId, Instant since) {
            calls.add("find " + channel + " #" + incidentId + " since " + since);
            return Optional.ofNullable(posted.get(incidentId)).filter(m -> m.channel().equals(channel));
        }

        private static String describe(Announcement a) {
            return "#" + a.incident().id() + " " + a.incident().status() + " " + a.actions() + " " + a.revision();
        }
    }
}
