package dev.firebell.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Channel;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.IncidentStore;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.paging.SmsText;
import dev.firebell.routing.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SmsRepliesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final String OUR_NUMBER = "+12065550100";
    private static final String ALICE = "+33612345678";

    private final IncidentStore store = mock(IncidentStore.class);
    private final PageAnswers answers = mock(PageAnswers.class);
    private final Set<String> claimed = new HashSet<>();
    private final Map<String, Integer> counted = new HashMap<>();
    private final List<String> sent = new ArrayList<>();
    private Instant now = NOW;
    private final FirebellConfig config = new ConfigBinder().bind(Map.of("people", Map.of(
            "alice", Map.of("timeZone", "Europe/Paris", "contacts", List.of(Map.of("sms", ALICE))),
            "bob", Map.of("timeZone", "Europe/Berlin", "contacts", List.of(Map.of("email", "bob@example.com"))))));
    private final SmsReplies replies = new SmsReplies(() -> config, store, answers, new AnswerLedger() {
        @Override
        public boolean claim(String key, Instant keepUntil) {
            return claimed.add(key);
        }

        @Override
        public void release(String key) {
            claimed.remove(key);
        }
    }, (number, at, window, max) -> counted.merge(number + "@" + at.getEpochSecond() / window.getSeconds(), 1,
            Integer::sum) <= max, (from, to, text) -> {
        sent.add(from + " -> " + to + ": " + text);
        return "sms-" + sent.size();
    }, () -> now);

    private final Incident seven = Incident.builder().id("7").title("Checkout is failing").service("checkout")
            .severity(Severity.SEV2).status(IncidentStatus.TRIGGERED).openedAt(NOW).build();

    private static SmsReplies.Inbound from(String number, String body, String id) {
        return new SmsReplies.Inbound(number, OUR_NUMBER, null, body, id, "prev-" + id);
    }

    @Test
    void aCode_shouldActAsThePersonWithThatNumber_byReply_andAnswerFromTheNumberRepliedTo() {
        pagedAliceFor("7");
        when(answers.answer(eq("7"), eq(PageAction.ACKNOWLEDGE), any(Actor.class), eq(null), eq(null)))
                .thenReturn(new Answer.Done(seven, PageAction.ACKNOWLEDGE,
                        "#7 acknowledged by alice from an SMS reply; escalation stopped"));

        SmsReplies.Outcome outcome = replies.handle(from(ALICE, " 7 A ", "in-1"));

        ArgumentCaptor<Actor> actor = ArgumentCaptor.forClass(Actor.class);
        verify(answers).answer(eq("7"), eq(PageAction.ACKNOWLEDGE), actor.capture(), eq(null), eq(null));
        assertThat(actor.getValue().id()).isEqualTo("alice");
        assertThat(actor.getValue().channel()).contains(Channel.SMS_REPLY);
        assertThat(actor.getValue().details()).containsEntry("smsMessageId", "in-1");
        assertThat(sent).containsExactly(OUR_NUMBER + " -> " + ALICE
                + ": Firebell: #7 acknowledged by alice from an SMS reply; escalation stopped");
        assertThat(outcome.answer()).isPresent();
    }

    @Test
    void aLetterAlone_shouldActOnTheLastPageSentToThePerson() {
        when(store.lastPagedIncident("person:alice")).thenReturn(Optional.of("7"));
        when(answers.answer(eq("7"), eq(PageAction.RESOLVE), any(Actor.class), eq(null), eq(null)))
                .thenReturn(new Answer.Done(seven, PageAction.RESOLVE, "#7 resolved by alice from an SMS reply"));

        replies.handle(from(ALICE, "r", "in-2"));

        assertThat(sent).singleElement().asString().endsWith("Firebell: #7 resolved by alice from an SMS reply");
    }

    @Test
    void anUnknownNumber_shouldChangeNothing_andGetNoAnswer() {
        SmsReplies.Outcome outcome = replies.handle(from("+14255550182", "7a", "in-3"));

        assertThat(outcome.answer()).isEmpty();
        assertThat(outcome.log()).contains("no one's");
        assertThat(sent).isEmpty();
        assertThat(claimed).isEmpty();
        assertThat(counted).isEmpty();
        verifyNoInteractions(answers, store);
    }

    @Test
    void anythingButACode_shouldGetTheShortHelp_inOneOrTwoSms() {
        replies.handle(from(ALICE, "who is this?", "in-4"));

        assertThat(sent).singleElement().asString().endsWith(SmsReplies.HELP);
        assertThat(SmsText.segments(SmsReplies.HELP)).isLessThanOrEqualTo(2);
        verifyNoInteractions(answers);
    }

    @Test
    void keywordsAwsAnswers_andMalformedMessages_shouldBeIgnoredSilently() {
        for (SmsReplies.Inbound sms : List.of(from(ALICE, "STOP", "in-5"), from(ALICE, "help me", "in-6"),
                new SmsReplies.Inbound(ALICE, OUR_NUMBER, "STOP", "7a", "in-7", null),
                from("0612345678", "7a", "in-8"), from(ALICE, "7a", null), from(ALICE, "7a", "bad id with spaces"),
                new SmsReplies.Inbound(ALICE, "not-a-number", null, "7a", "in-9", null))) {
            assertThat(replies.handle(sms).answer()).as("%s", sms).isEmpty();
        }
        assertThat(sent).isEmpty();
        verifyNoInteractions(answers);
    }

    @Test
    void aMessageDeliveredTwice_shouldBeActedOnAndAnsweredOnce() {
        pagedAliceFor("7");
        when(answers.answer(eq("7"), eq(PageAction.ESCALATE), any(Actor.class), eq(null), eq(null)))
                .thenReturn(new Answer.Done(seven, PageAction.ESCALATE, "#7: escalated to level 2"));

        replies.handle(from(ALICE, "7e", "in-10"));
        SmsReplies.Outcome again = replies.handle(from(ALICE, "7e", "in-10"));

        assertThat(again.log()).contains("handled already");
        assertThat(sent).hasSize(1);
        verify(answers).answer(eq("7"), eq(PageAction.ESCALATE), any(Actor.class), eq(null), eq(null));
    }

    @Test
    void aFailure_shouldLetTheRetryActAgain() {
        pagedAliceFor("7");
        when(answers.answer(eq("7"), eq(PageAction.ACKNOWLEDGE), any(Actor.class), eq(null), eq(null)))
                .thenThrow(new IllegalStateException("DynamoDB unreachable"))
                .thenReturn(new Answer.Done(seven, PageAction.ACKNOWLEDGE, "#7 acknowledged"));

        assertThatThrownBy(() -> replies.handle(from(ALICE, "7a", "in-11"))).hasMessage("DynamoDB unreachable");
        replies.handle(from(ALICE, "7a", "in-11"));

        assertThat(sent).singleElement().asString().endsWith("#7 acknowledged");
    }

    @Test
    void repliesBeyondTheLimit_shouldBeDroppedSilently_untilTheNextWindow() {
        for (int i = 0; i < SmsReplies.MAX_REPLIES + 3; i++) {
            replies.handle(from(ALICE, "hello", "flood-" + i));
        }
        assertThat(sent).hasSize(SmsReplies.MAX_REPLIES);

        now = NOW.plus(SmsReplies.WINDOW).plus(Duration.ofSeconds(1));
        replies.handle(from(ALICE, "hello", "later"));
        assertThat(sent).hasSize(SmsReplies.MAX_REPLIES + 1);
    }

    @Test
    void aCodeForAnIncidentNotPagedToThePerson_shouldNotAct() {
        when(store.incident("9")).thenReturn(Optional.of(seven.toBuilder().id("9").build()));
        when(store.pages("9")).thenReturn(List.of(Page.pending("9", 1, "person:bob", PageReason.TRIGGERED, NOW, NOW,
                "t")));

        replies.handle(from(ALICE, "9r", "in-12"));

        assertThat(sent).singleElement().asString().contains("#9 was not paged to you");
        verifyNoInteractions(answers);
    }

    private void pagedAliceFor(String id) {
        when(store.incident(id)).thenReturn(Optional.of(seven));
        when(store.pages(id)).thenReturn(List.of(Page.pending(id, 1, "person:alice", PageReason.TRIGGERED, NOW, NOW,
                "t")));
    }
}
