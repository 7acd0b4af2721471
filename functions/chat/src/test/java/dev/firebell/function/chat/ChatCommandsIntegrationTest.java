package dev.firebell.function.chat;

import static dev.firebell.function.chat.Fakes.ALICE;
import static dev.firebell.function.chat.Fakes.BOB;
import static dev.firebell.function.chat.Fakes.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.chat.Subcommand;
import dev.firebell.function.chat.ChatFixture.Response;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every command through the real handler (signed Function URL events) against the emulator: what it answers, what
 * it changes, and that every error is an ephemeral message saying what was wrong and how to write it, with the
 * table unchanged. Alice and Bob are in the (fake) on-call directory; the stranger is only in the workspace.
 */
@LocalStackTest
class ChatCommandsIntegrationTest {

    private final ChatFixture fixture;
    private final Instant handOff = Instant.parse("2026-12-04T08:00:00Z");
    private Fakes.OnCall onCall;
    private Fakes.Postmortem postmortems;
    private Fakes.Deferred deferred;
    private Fakes.Responses responses;
    private ChatHandler handler;
    private Instant started;

    ChatCommandsIntegrationTest(LocalStack local, LocalResources resources) {
        this.fixture = new ChatFixture(local, resources);
    }

    @BeforeEach
    void freshTableAndHandler() {
        fixture.reset();
        onCall = new Fakes.OnCall(handOff);
        postmortems = new Fakes.Postmortem();
        deferred = new Fakes.Deferred();
        responses = new Fakes.Responses();
        handler = fixture.handler(ChatOverrides.none().people(Fakes.people(ALICE, BOB)).onCall(onCall)
                .postmortems(postmortems).deferrals(deferred).responses(responses));
        started = Instant.now().minusMillis(1);
    }

    // ------------------------------------------------------------------ help and unknown commands

    @Test
    void help_shouldListEveryCommand_toAnyoneInTheWorkspace() {
        for (String text : List.of("", "help", "  HELP  ")) {
            Response r = run(STRANGER, text);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.ephemeral()).isTrue();
            for (Subcommand s : Subcommand.values()) {
                assertThat(r.text()).contains("/incident " + s.word());
            }
        }
    }

    @Test
    void unknownCommand_shouldSuggestTheClosest_andChangeNothing() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response r = unchanged(() -> run(ALICE.chatUserId(), "acknowledge " + id));

        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("'acknowledge' is not a command. Did you mean ack?")
                .contains("Write `/incident ack [id]`");
        assertThat(unchanged(() -> run(ALICE.chatUserId(), "resovle " + id)).text()).contains("Did you mean resolve?");
        assertThat(unchanged(() -> run(ALICE.chatUserId(), "xyzzy")).text())
                .contains("'xyzzy' is not a command").contains("`/incident help` lists every command");
    }

    // ------------------------------------------------------------------ declare (deferred)

    @Test
    void declare_shouldAnswerAtOnce_thenOpenTheIncidentOnce_andAnnounceItThroughTheResponseUrl() {
        // WHEN alice declares
        Response r = run(ALICE.chatUserId(), "declare SEV2 Checkout is failing checkout");

        // THEN the answer within Slack's 3 s says it is under way, and nothing is written yet
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("Declaring a SEV2 incident for checkout: *Checkout is failing*");
        assertThat(deferred.commands).hasSize(1);
        assertThat(fixture.store.openIncidents()).isEmpty();

        // WHEN the deferred half runs (SNS invokes the function with the job) -- twice, as at-least-once delivery may
        complete(deferred.commands.get(0));
        complete(deferred.commands.get(0));

        // THEN one incident, commanded by alice, declared by her on the timeline with her Slack id, announced once
        assertThat(fixture.store.openIncidents()).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Checkout is failing");
            assertThat(i.service()).isEqualTo("checkout");
            assertThat(i.severity()).isEqualTo(Severity.SEV2);
            assertThat(i.commander()).isEqualTo("alice");
            assertRecorded(i.id(), TimelineEntryType.OPENED, ALICE);
        });
        assertThat(responses.posts).singleElement().satisfies(post -> {
            assertThat(post.url().toString()).isEqualTo(SlackRequests.RESPONSE_URL);
            assertThat(post.message()).containsEntry("response_type", "in_channel");
            assertThat(String.valueOf(post.message().get("text"))).contains("<@U0ALICE> declared *#")
                    .contains("Checkout is failing (SEV2, checkout). <@U0ALICE> is incident commander; checkout's"
                            + " on-call is being paged.");
        });
    }

    @Test
    void declare_shouldTakeAQuotedTitle_andTheDefaultServiceWhenNoneIsNamed() {
        run(ALICE.chatUserId(), "declare sev1 “Payments & refunds down” payments");
        run(ALICE.chatUserId(), "declare 3 Login is slow for some users");
        deferred.commands.forEach(this::complete);

        assertThat(fixture.store.openIncidents()).extracting(Incident::title, Incident::service, Incident::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Payments & refunds down", "payments", Severity.SEV1),
                        org.assertj.core.groups.Tuple.tuple("Login is slow for some users", "default", Severity.SEV3));
        assertThat(String.valueOf(responses.posts.get(0).message().get("text"))).contains("Payments &amp; refunds down");
    }

    @Test
    void declare_shouldRefuseWhatIsWrong_withoutDeferringOrWritingAnything() {
        assertError(ALICE, "declare", "say how severe it is and what is wrong", "declare &lt;SEV1-5&gt; &lt;title&gt; [service]");
        assertError(ALICE, "declare high Checkout down", "severity 'high' is not one of SEV1, SEV2, SEV3, SEV4, SEV5",
                "declare SEV2 Checkout is failing checkout");
        assertError(ALICE, "declare SEV2", "the title is missing", "declare &lt;SEV1-5&gt;");
        assertError(ALICE, "declare SEV2 \"Checkout down\" chekout", "'chekout' is not a configured service;"
                + " configured: checkout, payments, search", "declare &lt;SEV1-5&gt;");
        assertError(ALICE, "declare SEV2 " + "x".repeat(201), "the title is 201 characters long; keep it to 200",
                "declare &lt;SEV1-5&gt;");
        assertError(STRANGER, "declare SEV2 Checkout down", "You are not in Firebell's on-call configuration, so you"
                + " cannot change incidents", "U0STRANGER");
        assertThat(deferred.commands).isEmpty();
    }

    @Test
    void declare_shouldNotDefer_whenTheResponseUrlIsNotSlacks() {
        byte[] body = SlackRequests.body(ALICE.chatUserId(), "declare SEV2 Checkout down",
                "https://hooks.slack.com.evil.example/commands/1");

        Response r = unchanged(() -> ChatFixture.invoke(handler, SlackRequests.signedEvent(body)));

        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains("no usable response URL").contains("Nothing was changed");
        assertThat(deferred.commands).isEmpty();
    }

    @Test
    void deferredHalf_shouldDoNothing_whenItsSignatureDoesNotVerify() {
        run(ALICE.chatUserId(), "declare SEV2 Checkout is failing checkout");
        var real = deferred.commands.get(0);
        var forged = new dev.firebell.chat.slack.SlackEndpoint.DeferredCommand(real.timestamp(),
                real.signature().substring(0, real.signature().length() - 1) + (real.signature().endsWith("0") ? "1" : "0"),
                real.body());
        var tampered = new dev.firebell.chat.slack.SlackEndpoint.DeferredCommand(real.timestamp(), real.signature(),
                SlackRequests.body(ALICE.chatUserId(), "declare SEV1 Something else checkout"));

        unchanged(() -> {
            complete(forged);
            complete(tampered);
            return null;
        });
        assertThat(responses.posts).isEmpty();
    }

    // ------------------------------------------------------------------ ack, unack

    @Test
    void ack_shouldRecordWhoAndWhen_announceIt_andSayWhenItWasDoneAlready() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response r = run(BOB.chatUserId(), "ack #" + id);

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains(":eyes: <@U0BOB> acknowledged *#" + id + "* Checkout is failing (SEV2, checkout)");
        Incident acked = fixture.store.incident(id).orElseThrow();
        assertThat(acked.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("bob");
        assertRecorded(id, TimelineEntryType.ACKNOWLEDGED, BOB);

        Response again = unchanged(() -> run(BOB.chatUserId(), "ack " + id));
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.text()).contains("#" + id + " is already acknowledged; nothing changed");
    }

    @Test
    void ack_withoutAnId_shouldUseTheIncidentTheCallerWasLastPagedFor_andSaySo() {
        fixture.declared("Payments are slow", "payments");          // pages team-payments
        String paged = fixture.declared("Checkout is failing", "checkout"); // pages alice

        Response r = run(ALICE.chatUserId(), "ack");

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains("acknowledged *#" + paged + "*");
        assertThat(r.json().toString()).contains("#" + paged + " is the incident you were last paged for.");
        assertThat(fixture.store.incident(paged).orElseThrow().acknowledgedBy()).isEqualTo("alice");
    }

    @Test
    void ack_shouldRefuseWhatIsWrong_andChangeNothing() {
        String id = fixture.declared("Checkout is failing", "checkout");

        assertError(BOB, "ack", "you have not been paged for any incident, so say which one", "ack [id]");
        assertError(ALICE, "ack abc", "'abc' is not an incident id: write it as 42 or #42", "ack [id]");
        assertError(ALICE, "ack 999", "There is no incident #999", null);
        assertError(ALICE, "ack " + id + " now", "ack takes at most an incident id; remove 'now'", "ack [id]");
        assertError(STRANGER, "ack " + id, "not in Firebell's on-call configuration", "add your Slack user id U0STRANGER");
        assertThat(fixture.store.incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
    }

    @Test
    void unack_shouldPutTheIncidentBackToTriggered_andRefuseWhenItIsNotAcknowledged() {
        String id = fixture.declared("Checkout is failing", "checkout");
        assertError(ALICE, "unack " + id, null, null);   // not acknowledged: says so, changes nothing
        run(ALICE.chatUserId(), "ack " + id);

        Response r = run(BOB.chatUserId(), "unack " + id);

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains("<@U0BOB> withdrew the acknowledgement of *#" + id + "*");
        assertThat(fixture.store.incident(id).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertRecorded(id, TimelineEntryType.UNACKNOWLEDGED, BOB);
    }

    // ------------------------------------------------------------------ resolve, reopen

    @Test
    void resolve_shouldKeepTheResolution_andReopenShouldGiveTheIncidentToWhoeverReopens() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response resolved = run(ALICE.chatUserId(), "resolve " + id + " rolled back deploy 1234 <!channel>");

        assertThat(resolved.inChannel()).isTrue();
        assertThat(resolved.text()).contains("<@U0ALICE> resolved *#" + id + "*")
                .contains(">rolled back deploy 1234 &lt;!channel&gt;").doesNotContain("<!channel>");
        Incident i = fixture.store.incident(id).orElseThrow();
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolution()).isEqualTo("rolled back deploy 1234 <!channel>");
        assertRecorded(id, TimelineEntryType.RESOLVED, ALICE);
        assertThat(unchanged(() -> run(ALICE.chatUserId(), "resolve " + id)).text())
                .contains("#" + id + " is already resolved; nothing changed");

        Response reopened = run(BOB.chatUserId(), "reopen #" + id);

        assertThat(reopened.inChannel()).isTrue();
        assertThat(reopened.text()).contains("<@U0BOB> reopened *#" + id + "*").contains("and has it");
        assertThat(fixture.store.incident(id).orElseThrow().acknowledgedBy()).isEqualTo("bob");
        assertRecorded(id, TimelineEntryType.REOPENED, BOB);
        assertError(BOB, "reopen " + id, "#" + id + " is open already", null);
        assertError(BOB, "reopen", "say which incident", "reopen &lt;id&gt;");
    }

    @Test
    void resolve_withoutAnId_shouldTakeTheLastPagedIncident_andTheRestAsTheResolution() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response r = run(ALICE.chatUserId(), "resolve cache flushed");

        assertThat(r.inChannel()).isTrue();
        assertThat(fixture.store.incident(id).orElseThrow().resolution()).isEqualTo("cache flushed");
        assertThat(r.json().toString()).contains("#" + id + " is the incident you were last paged for.");
    }

    // ------------------------------------------------------------------ status, list

    @Test
    void status_shouldShowStateRolesAndTimeline_toAnyone() {
        String id = fixture.declared("Checkout is failing", "checkout");
        run(BOB.chatUserId(), "ack " + id);
        run(BOB.chatUserId(), "note " + id + " looking at the load balancer");

        Response r = unchanged(() -> run(STRANGER, "status " + id));

        assertThat(r.ephemeral()).isTrue();
        String all = r.json().toString();
        assertThat(all).contains("*#" + id + " Checkout is failing*").contains("Acknowledged by <@U0BOB>")
                .contains("*Severity*\nSEV2").contains("*Commander*\n<@U0ALICE>").contains("(UTC)")
                .contains("looking at the load balancer");
        assertError(STRANGER, "status", "say which incident", "status [id]");
        assertError(STRANGER, "status 404", "There is no incident #404", null);
    }

    @Test
    void status_shouldShowTimesInTheCallersTimeZone_andDefaultToTheLastPagedIncident() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response r = run(ALICE.chatUserId(), "status");

        assertThat(r.json().toString()).contains("*#" + id + " Checkout is failing*").contains("(Europe/Berlin)")
                .contains("#" + id + " is the incident you were last paged for.");
    }

    @Test
    void list_shouldShowOpenIncidents_allMineOrOneServices() {
        String checkout = fixture.declared("Checkout is failing", "checkout");
        String payments = fixture.declared("Payments are slow", "payments");
        String resolved = fixture.declared("Old one", "payments");
        run(ALICE.chatUserId(), "resolve " + resolved);
        run(BOB.chatUserId(), "ack " + payments);

        assertThat(run(STRANGER, "list").text()).contains("*Open incidents* (2)").contains("*#" + checkout + "*")
                .contains("*#" + payments + "* SEV2 payments · Payments are slow · acknowledged by <@U0BOB>")
                .doesNotContain("Old one");
        assertThat(run(STRANGER, "list open").text()).contains("(2)");
        assertThat(run(BOB.chatUserId(), "list mine").text()).contains("(1)").contains("#" + payments)
                .doesNotContain("#" + checkout + "*");
        assertThat(run(STRANGER, "list payments").text()).contains("Open incidents of payments* (1)");
        assertThat(run(STRANGER, "list mine").text()).contains("No incidents are yours");
        assertError(STRANGER, "list chekout", "'chekout' is not a configured service. Did you mean checkout?",
                "list [open|mine|&lt;service&gt;]");
        assertError(STRANGER, "list open mine", "list takes at most one of open, mine or a service name", null);
    }

    // ------------------------------------------------------------------ severity, roles, notes

    @Test
    void severity_shouldChangeIt_andRefuseAnythingButSev1To5() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response r = run(BOB.chatUserId(), "severity " + id + " sev1");

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains("is now *SEV1*, set by <@U0BOB>");
        assertThat(fixture.store.incident(id).orElseThrow().severity()).isEqualTo(Severity.SEV1);
        assertRecorded(id, TimelineEntryType.SEVERITY_CHANGED, BOB);
        assertError(BOB, "severity " + id + " SEV9", "severity 'SEV9' is not one of SEV1", "severity &lt;id&gt; &lt;SEV1-5&gt;");
        assertError(BOB, "severity " + id, "something is missing", "severity 42 SEV1");
        assertError(BOB, "severity " + id + " SEV1", "is SEV1 already", null);
    }

    @Test
    void commanderAndRole_shouldAssignPeopleFromTheDirectory_byTheirSlackMention() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response commander = run(ALICE.chatUserId(), "commander " + id + " <@U0BOB|bob>");
        Response scribe = run(ALICE.chatUserId(), "role #" + id + " Scribe <@U0ALICE>");

        assertThat(commander.inChannel()).isTrue();
        assertThat(commander.text()).contains("<@U0BOB> is commander of *#" + id + "*").contains("assigned by <@U0ALICE>");
        assertThat(scribe.text()).contains("<@U0ALICE> is scribe of *#" + id + "*");
        assertThat(fixture.store.incident(id).orElseThrow().roles()).containsEntry("commander", "bob")
                .containsEntry("scribe", "alice");
        assertRecorded(id, TimelineEntryType.ROLE_ASSIGNED, ALICE);
        assertError(ALICE, "commander " + id + " @bob", "'@bob' came through as plain text, not as a Slack mention",
                "commander 42 @alice");
        assertError(ALICE, "commander " + id + " <@U0STRANGER>", "the person you mentioned (Slack user id U0STRANGER)"
                + " is not in Firebell's on-call configuration", null);
        assertError(ALICE, "role " + id + " sc!ribe <@U0BOB>", "'sc!ribe' is not a role name", "role 42 scribe @bob");
        assertError(ALICE, "role " + id + " <@U0BOB>", "something is missing", null);
        assertError(ALICE, "commander " + id + " <@U0BOB>", "bob is commander of #" + id + " already", null);
    }

    @Test
    void note_shouldGoOnTheTimelineAsTyped_andBeEchoedEscaped() {
        String id = fixture.declared("Checkout is failing", "checkout");
        String typed = "hit rate back to 98% <!channel> & $(rm -rf /) <@U0BOB> 🚒";

        Response r = run(ALICE.chatUserId(), "note " + id + " " + typed);

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains(":memo: <@U0ALICE> noted on *#" + id + "*")
                .contains(">hit rate back to 98% &lt;!channel&gt; &amp; $(rm -rf /) &lt;@U0BOB&gt; 🚒")
                .doesNotContain("<!channel>");
        TimelineEntry note = fixture.store.timeline(id).stream().filter(e -> e.type() == TimelineEntryType.NOTE)
                .findFirst().orElseThrow();
        assertThat(note.summary()).isEqualTo(typed);
        assertRecorded(id, TimelineEntryType.NOTE, ALICE);
        assertError(ALICE, "note " + id, "the note is missing", "note &lt;id&gt; &lt;text&gt;");
        assertError(ALICE, "note", "say which incident and what to note", null);
        assertError(ALICE, "note " + id + " a\u202Ereversed", "contains control or invisible direction characters", null);
        assertError(ALICE, "note " + id + " " + "n".repeat(2001), "the note is 2001 characters long; keep it to 2000", null);
    }

    // ------------------------------------------------------------------ on-call commands (fake on-call feature)

    @Test
    void escalate_shouldAskTheOnCallDesk_asTheCaller_andRefuseResolvedOrMissingIncidents() {
        String id = fixture.declared("Checkout is failing", "checkout");

        // WHEN alice escalates: it pages people, so the answer comes first and the paging after it (ADR 31)
        Response r = run(ALICE.chatUserId(), "escalate " + id);
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.text()).contains(":hourglass_flowing_sand: Escalating *#" + id + "* Checkout is failing");
        assertThat(onCall.calls).isEmpty();
        complete(deferred.commands.get(0));

        // THEN the desk was asked as alice, and the channel is told
        assertThat(responses.posts).singleElement().satisfies(post -> {
            assertThat(post.message()).containsEntry("response_type", "in_channel");
            assertThat(String.valueOf(post.message().get("text"))).contains(":mega: <@U0ALICE> escalated *#" + id + "*")
                    .contains(": escalated to level 2 by alice: paging Bob Jones (1 page sent)");
        });
        assertThat(onCall.calls).containsExactly("alice: escalateNow " + id);
        assertThat(onCall.actorDetails).containsEntry("slackUserId", "U0ALICE").containsEntry("via", "slack");
        assertError(ALICE, "escalate 999", "There is no incident #999", null);
        run(ALICE.chatUserId(), "resolve " + id);
        assertError(ALICE, "escalate " + id, "#" + id + " is resolved; reopen it before you escalate it", null);
        assertError(STRANGER, "escalate " + id, "not in Firebell's on-call configuration", null);
        assertThat(onCall.calls).hasSize(1);
    }

    @Test
    void oncall_shouldShowNowAndNext_withHandOffsInTheCallersTimeZone() {
        Response forAlice = unchanged(() -> run(ALICE.chatUserId(), "oncall checkout"));
        Response forStranger = run(STRANGER, "oncall");

        assertThat(forAlice.ephemeral()).isTrue();
        long epoch = handOff.getEpochSecond();
        assertThat(forAlice.text()).contains("*On call for checkout*").contains("*checkout-primary* (checkout): now"
                + " <@U0ALICE> until <!date^" + epoch + "^{date_short_pretty} {time}|Fri 4 Dec 09:00 CET>")
                .contains("then <@U0BOB> from <!date^" + epoch);
        assertThat(forAlice.json().toString()).contains("Times in Europe/Berlin");
        assertThat(forStranger.text()).contains("|Fri 4 Dec 08:00 UTC>");
        assertError(STRANGER, "oncall nope", "no team, service or rotation is called 'nope'", null);
        assertError(STRANGER, "oncall a b", "oncall takes at most a team or service name", "oncall [team|service]");
    }

    @Test
    void override_shouldLetSomeoneTakeTheRotation_forADurationFromChat() {
        Response r = run(ALICE.chatUserId(), "override checkout-primary <@U0BOB> 4h");

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains(":arrows_counterclockwise: <@U0BOB> is on call for *checkout-primary*")
                .contains("instead of <@U0ALICE>, set by <@U0ALICE>");
        assertThat(onCall.calls).containsExactly("alice: takeShift checkout-primary bob PT4H");
        assertError(ALICE, "override checkout-primary <@U0BOB> soon", "'soon' is not a duration", "override"
                + " checkout-primary @alice 4h");
        assertError(ALICE, "override checkout-primary <@U0BOB> 32d", "longer than the 31 days override allows", null);
        assertError(ALICE, "override checkout-primary <@U0BOB> 0m", "the duration must be longer than 0", null);
        assertError(ALICE, "override nope <@U0BOB> 1h", "no rotation is called 'nope'", null);
        assertError(STRANGER, "override checkout-primary <@U0BOB> 1h", "not in Firebell's on-call configuration", null);
    }

    @Test
    void maintenance_shouldPageNobodyForAServiceForADuration_withAReason() {
        Response r = run(BOB.chatUserId(), "maintenance checkout 30m database upgrade");

        assertThat(r.inChannel()).isTrue();
        assertThat(r.text()).contains(":construction: <@U0BOB> put *checkout* in maintenance until <!date^")
                .contains(" UTC), for 30m: its alarms still open incidents, but nobody is paged, and escalations"
                        + " already running wait until it ends.").contains("\n>database upgrade");
        assertThat(r.json().toString()).contains("Window chat-checkout-test, as incident timelines name it");
        assertThat(onCall.calls).containsExactly("bob: startMaintenance checkout PT30M database upgrade");
        assertError(BOB, "maintenance checkout", "say for how long, e.g. 30m or 2h", "maintenance &lt;service&gt;");
        assertError(BOB, "maintenance", "say which service and for how long", null);
        assertError(BOB, "maintenance checkout 8d", "longer than the 7 days maintenance allows", null);
    }

    @Test
    void postmortem_shouldStartADraftOnce() {
        String id = fixture.declared("Checkout is failing", "checkout");

        Response first = run(ALICE.chatUserId(), "postmortem " + id);
        Response second = run(ALICE.chatUserId(), "postmortem #" + id);

        assertThat(first.text()).contains("<@U0ALICE> started the postmortem of *#" + id + "*")
                .contains("https://wiki.example.com/pm/" + id);
        assertThat(second.text()).contains("The postmortem draft of *#" + id + "*");
        assertError(ALICE, "postmortem 999", "There is no incident #999", null);
    }

    // ------------------------------------------------------------------ as deployed

    /**
     * The production wiring: people from the on-call configuration, rotations, overrides and escalation of the
     * on-call feature, postmortem drafts where the postmortem feature writes them.
     */
    @Nested
    class AsDeployed {

        private ChatHandler production;

        @BeforeEach
        void productionPorts() {
            production = fixture.handler(ChatOverrides.none().deferrals(deferred).responses(responses));
        }

        @Test
        void peopleOutsideTheOnCallConfiguration_shouldBeRefusedChanges_withWhatToAskThePlatformTeam() {
            String id = fixture.declared("Checkout is failing", "checkout");
            for (String text : List.of("ack " + id, "declare SEV2 Down", "note " + id + " hi", "escalate " + id,
                    "override checkout-primary <@U0BOB> 1h", "maintenance checkout 1h", "postmortem " + id)) {
                Response r = unchanged(() -> invoke(production, STRANGER, text));
                assertThat(r.ephemeral()).as(text).isTrue();
                assertThat(r.text()).as(text).contains("You are not in Firebell's on-call configuration, so you cannot"
                        + " change incidents").contains("Ask your platform team to add your Slack user id U0STRANGER");
            }
            assertThat(deferred.commands).isEmpty();
        }

        @Test
        void peopleOfTheConfiguration_shouldChangeIncidents_andReadsShouldWorkForAnyone() {
            String id = fixture.declared("Checkout is failing", "checkout");

            Response ack = invoke(production, "U0BOB", "ack " + id);
            Response status = invoke(production, STRANGER, "status " + id);

            assertThat(ack.inChannel()).isTrue();
            assertThat(ack.text()).contains(":eyes: <@U0BOB> acknowledged *#" + id + "*");
            assertRecorded(id, TimelineEntryType.ACKNOWLEDGED, BOB);
            assertThat(status.json().toString()).contains("Acknowledged by <@U0BOB>").contains("*Commander*\n<@U0ALICE>");
        }

        @Test
        void oncallAndOverride_shouldUseTheRotationsAndRecordTheOverride() {
            Response before = unchanged(() -> invoke(production, STRANGER, "oncall checkout-primary"));
            Response override = invoke(production, ALICE.chatUserId(), "override checkout-primary <@U0BOB> 4h");
            Response after = invoke(production, STRANGER, "oncall");

            assertThat(before.text()).contains("*checkout-primary*").containsPattern("now <@U0(ALICE|BOB)> until <!date\\^")
                    .containsPattern("then <@U0(ALICE|BOB)> from <!date\\^");
            assertThat(override.inChannel()).isTrue();
            assertThat(override.text()).contains("<@U0BOB> is on call for *checkout-primary* from <!date^")
                    .contains(", set by <@U0ALICE>");
            assertThat(after.text()).contains("*checkout-primary*: now <@U0BOB> until <!date^");
            assertThat(invoke(production, STRANGER, "oncall sre").text()).contains("*On call for sre*")
                    .contains("*checkout-primary*: now <@U0BOB>");
            assertError(production, STRANGER, "oncall checkout", "service checkout has no escalation policy; it pages its fixed"
                    + " target 'person:alice'", null);
            assertError(production, STRANGER, "oncall nope", "'nope' is not a rotation, schedule or service", null);
            assertError(production, ALICE.chatUserId(), "override nope <@U0BOB> 1h", "'nope' is not a rotation or schedule", null);
        }

        @Test
        void escalate_shouldPageTheNextLevelNow() {
            String id = fixture.declared("Payments are failing", "payments");

            String noPolicy = fixture.declared("Checkout is failing", "checkout");

            Response r = invoke(production, ALICE.chatUserId(), "escalate " + id);
            complete(production, deferred.commands.get(0));
            invoke(production, ALICE.chatUserId(), "escalate " + noPolicy);
            complete(production, deferred.commands.get(1));

            assertThat(r.text()).contains("Escalating *#" + id + "*");
            assertThat(String.valueOf(responses.posts.get(0).message().get("text")))
                    .contains(":mega: <@U0ALICE> escalated *#" + id + "*").contains("1 page sent");
            assertThat(fixture.store.pages(id)).extracting(dev.firebell.paging.Page::target)
                    .containsExactly("person:alice", "person:bob");
            assertThat(fixture.store.timeline(id)).extracting(TimelineEntry::type).contains(TimelineEntryType.ESCALATED);
            assertThat(responses.posts.get(1).message()).containsEntry("response_type", "ephemeral");
            assertThat(String.valueOf(responses.posts.get(1).message().get("text"))).contains("has no escalation policy,"
                    + " so there is no next level to page");
        }

        @Test
        void maintenance_shouldStoreAWindowOfTheService_recordingWhoStartedItAndWhy() {
            Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

            Response r = invoke(production, ALICE.chatUserId(), "maintenance checkout 1h deploying v42");

            assertThat(r.inChannel()).isTrue();
            assertThat(r.text()).contains(":construction: <@U0ALICE> put *checkout* in maintenance until <!date^")
                    .containsPattern("\\|[^>]+ CES?T> \\([^)]+ UTC\\), for 1h: its alarms still open incidents, but"
                            + " nobody is paged").endsWith("\n>deploying v42");
            List<Map<String, AttributeValue>> windows = fixture.snapshot().stream()
                    .filter(item -> item.get("PK").s().equals("ONCALL") && item.get("SK").s().contains("#maintenance#checkout#")).toList();
            assertThat(windows).singleElement().satisfies(item -> {
                assertThat(item.get("name").s()).startsWith("chat-checkout-");
                assertThat(item.get("reason").s()).isEqualTo("deploying v42");
                assertThat(item.get("startedBy").s()).isEqualTo("alice");
                Instant start = Instant.parse(item.get("start").s());
                assertThat(start).isBetween(before, Instant.now());
                assertThat(Instant.parse(item.get("end").s())).isEqualTo(start.plus(Duration.ofHours(1)));
                assertThat(r.json().toString()).contains("Window " + item.get("name").s());
            });
        }

        @Test
        void maintenance_shouldRefuseAnUnknownServiceABadDurationOrAStranger_andChangeNothing() {
            assertError(production, ALICE.chatUserId(), "maintenance chekout 1h deploying", "'chekout' is not a"
                    + " configured service, so it cannot be put in maintenance. Did you mean checkout? Services:"
                    + " checkout, default, payments, search", null);
            assertError(production, ALICE.chatUserId(), "maintenance checkout 8d", "longer than the 7 days maintenance"
                    + " allows", "maintenance &lt;service&gt; &lt;duration&gt; [reason]");
            assertError(production, ALICE.chatUserId(), "maintenance checkout 0m", "the duration must be longer than 0",
                    null);
            assertError(production, ALICE.chatUserId(), "maintenance checkout soon", "'soon' is not a duration", null);
            assertError(production, STRANGER, "maintenance checkout 1h", "not in Firebell's on-call configuration",
                    null);
        }

        @Test
        void postmortem_shouldSayWhereTheDraftLives() {
            String id = fixture.declared("Checkout is failing", "checkout");
            Response open = unchanged(() -> invoke(production, ALICE.chatUserId(), "postmortem " + id));
            invoke(production, ALICE.chatUserId(), "resolve " + id + " fixed");
            Response resolved = unchanged(() -> invoke(production, ALICE.chatUserId(), "postmortem " + id));

            assertThat(open.text()).contains("#" + id + " is still open: its postmortem draft is written when it is"
                    + " resolved");
            String bucket = fixture.resources.environmentOf("ChatFunction").get("POSTMORTEM_BUCKET");
            assertThat(resolved.text()).contains("The postmortem draft of *#" + id + "*")
                    .contains("s3://" + bucket + "/postmortems/" + id + ".md");
        }
    }

    // ------------------------------------------------------------------ helpers

    private Response run(String user, String text) {
        return invoke(handler, user, text);
    }

    private static Response invoke(ChatHandler target, String user, String text) {
        Response r = ChatFixture.invoke(target, SlackRequests.signedEvent(SlackRequests.body(user, text)));
        assertThat(r.status()).as("HTTP status of '%s'", text).isEqualTo(200);
        assertThat(r.json()).as("JSON answer to '%s'", text).isNotNull();
        return r;
    }

    /** What SNS does with a job the function published to the chat jobs topic. */
    private void complete(dev.firebell.chat.slack.SlackEndpoint.DeferredCommand command) {
        complete(handler, command);
    }

    private void complete(ChatHandler target, dev.firebell.chat.slack.SlackEndpoint.DeferredCommand command) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            target.handleRequest(new java.io.ByteArrayInputStream(fixture.jobEvent(command)), out,
                    ChatFixture.context(System.err));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    /** Runs it and checks the table is exactly as before. */
    private <T> T unchanged(Supplier<T> action) {
        List<Map<String, AttributeValue>> before = fixture.snapshot();
        T result = action.get();
        assertThat(fixture.snapshot()).as("the table after the command").isEqualTo(before);
        return result;
    }

    /** An error: ephemeral, says what was wrong (and how to write it when given), and changes nothing. */
    private void assertError(dev.firebell.chat.Responder who, String text, String what, String how) {
        assertError(who.chatUserId(), text, what, how);
    }

    private void assertError(String user, String text, String what, String how) {
        assertError(handler, user, text, what, how);
    }

    private void assertError(ChatHandler target, String user, String text, String what, String how) {
        Response r = unchanged(() -> invoke(target, user, text));
        assertThat(r.ephemeral()).as("'%s' answered ephemerally", text).isTrue();
        assertThat(r.text()).as("answer to '%s'", text).startsWith(":");
        if (what != null) {
            // Messages start with a capital letter when they open the answer.
            assertThat(r.text()).as("answer to '%s'", text).containsAnyOf(what,
                    Character.toUpperCase(what.charAt(0)) + what.substring(1));
        }
        if (how != null) {
            assertThat(r.text()).as("answer to '%s'", text).contains(how);
        }
    }

    /** The newest entry of that type was made by that person, now, with their Slack user id in the details. */
    private void assertRecorded(String incidentId, TimelineEntryType type, dev.firebell.chat.Responder who) {
        List<TimelineEntry> entries = fixture.store.timeline(incidentId).stream().filter(e -> e.type() == type).toList();
        assertThat(entries).as("%s entries of #%s", type, incidentId).isNotEmpty();
        TimelineEntry entry = entries.get(entries.size() - 1);
        assertThat(entry.actor()).isEqualTo(who.personId());
        assertThat(entry.details()).containsEntry("slackUserId", who.chatUserId()).containsEntry("via", "slack")
                .containsEntry("slackTeamId", SlackRequests.TEAM);
        assertThat(entry.at()).isBetween(started, Instant.now().plus(Duration.ofSeconds(1)));
    }
}
