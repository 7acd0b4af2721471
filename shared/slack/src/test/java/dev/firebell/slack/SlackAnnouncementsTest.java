package dev.firebell.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.announcement.Announcement;
import dev.firebell.announcement.AnnouncementAction;
import dev.firebell.announcement.MessageRef;
import dev.firebell.announcement.Revision;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.FakeSlack;
import dev.firebell.routing.Severity;
import dev.firebell.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Announcements posted, updated and found again in the fake Slack, one message a second per channel. */
class SlackAnnouncementsTest {

    private static final Instant T0 = Instant.parse("2026-12-10T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeSlack slack = FakeSlack.start(clock);
    private final List<Duration> waits = new ArrayList<>();
    private final SlackWebApi api = new SlackWebApi(slack.apiUrl().toString(), token(), SlackWebApi.httpClient(), clock,
            d -> {
        waits.add(d);
        clock.advance(d);
    }, () -> clock.instant().plusSeconds(60));
    private final SlackAnnouncements announcements = new SlackAnnouncements(api, "FirebellTable-prod", clock);

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void post_shouldSendTheMessageWithItsMetadata_andUpdateShouldRewriteIt() {
        MessageRef posted = announcements.post("C0CHECKOUT", announcement("7", IncidentStatus.TRIGGERED));
        clock.advance(Duration.ofSeconds(5));
        announcements.update(posted, announcement("7", IncidentStatus.RESOLVED));

        FakeSlack.Message message = slack.messages("C0CHECKOUT").get(0);
        assertThat(posted).isEqualTo(new MessageRef("C0CHECKOUT", message.ts()));
        assertThat(message.metadata()).isEqualTo(Map.of("event_type", "firebell_incident", "event_payload",
                Map.of("incident_id", "7", "source", "FirebellTable-prod")));
        assertThat(message.edits()).isEqualTo(1);
        assertThat(message.text()).startsWith(":white_check_mark: #7 Checkout is failing (SEV2, checkout): *Resolved*");
        assertThat(slack.calls("chat.postMessage")).singleElement().satisfies(c -> assertThat(c.arguments())
                .containsEntry("unfurl_links", false).containsKey("blocks"));
        assertThat(waits).as("five seconds apart: no pacing").isEmpty();
    }

    @Test
    void callsToOneChannel_shouldBeOneASecond_andOtherChannelsShouldNotWait() {
        announcements.post("C0CHECKOUT", announcement("1", IncidentStatus.TRIGGERED));
        announcements.post("C0PAYMENTS", announcement("2", IncidentStatus.TRIGGERED));
        clock.advance(Duration.ofMillis(300));
        announcements.post("C0CHECKOUT", announcement("3", IncidentStatus.TRIGGERED));

        assertThat(waits).containsExactly(Duration.ofMillis(700));
        assertThat(slack.messages("C0CHECKOUT")).hasSize(2);
    }

    @Test
    void findEarlier_shouldFindThisFirebellsMessageOfTheIncident_acrossHistoryPages() {
        MessageRef mine = announcements.post("C0CHECKOUT", announcement("7", IncidentStatus.TRIGGERED));
        SlackAnnouncements otherStack = new SlackAnnouncements(api, "FirebellTable-staging", clock);
        for (int i = 0; i < SlackAnnouncements.HISTORY_PAGE + 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            otherStack.post("C0CHECKOUT", announcement(i == 0 ? "7" : "1" + i, IncidentStatus.TRIGGERED));
        }

        assertThat(announcements.findEarlier("C0CHECKOUT", "7", T0)).contains(mine);
        assertThat(announcements.findEarlier("C0CHECKOUT", "8", T0)).isEmpty();
        assertThat(announcements.findEarlier("C0PAYMENTS", "7", T0)).as("another channel").isEmpty();
        assertThat(slack.calls("conversations.history")).allSatisfy(c -> assertThat(c.arguments())
                .containsEntry("include_all_metadata", "true").containsEntry("oldest",
                        T0.minus(SlackAnnouncements.CLOCK_SKEW).getEpochSecond() + ".000000"));
    }

    private static Announcement announcement(String id, IncidentStatus status) {
        Incident incident = Incident.builder().id(id).title("Checkout is failing").service("checkout")
                .severity(Severity.SEV2).status(status).openedAt(T0).triggeredAt(T0)
                .resolvedAt(status == IncidentStatus.RESOLVED ? T0.plusSeconds(300) : null)
                .resolvedBy(status == IncidentStatus.RESOLVED ? "alarm" : null).version(1).build();
        return new Announcement(incident, null, null, null, AnnouncementAction.forStatus(status), new Revision(1, 0));
    }

    private static SlackWebApi.Token token() {
        return new SlackWebApi.Token() {
            @Override
            public String current() {
                return FakeSlack.TOKEN;
            }

            @Override
            public boolean reloadAfterRefusal() {
                return false;
            }
        };
    }
}
