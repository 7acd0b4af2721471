package dev.firebell.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.firebell.account.Accounts;
import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.alarm.AlarmKind;
import dev.firebell.answer.Answer;
import dev.firebell.answer.PageAction;
import dev.firebell.answer.PageAnswers;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.console.Viewer;
import dev.firebell.escalation.EscalationState;
import dev.firebell.incident.Actor;
import dev.firebell.incident.AlarmGroup;
import dev.firebell.incident.Channel;
import dev.firebell.incident.InMemoryIncidentStore;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.paging.Page;
import dev.firebell.paging.PageReason;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The incident pages rendered from an in-memory store and read back as a browser parses them; the domain services they
 * act through are mocked (the real ones act on the emulator in ConsoleIncidentsIntegrationTest).
 */
class IncidentPagesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:30:00Z");
    private static final String TOKEN = "csrf-token-of-the-session";
    private static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"";
    private static final Viewer ALICE = new Viewer("alice", "Alice", true);
    private static final Viewer READER = new Viewer("U024BE7LH", "Someone", false);

    private final InMemoryIncidentStore store = new InMemoryIncidentStore();
    private final IncidentCommands commands = mock(IncidentCommands.class);
    private final PageAnswers answers = mock(PageAnswers.class);
    private final FirebellConfig config = new ConfigBinder().bind(Map.of(
            "services", Map.of("checkout", Map.of(), "payments", Map.of()),
            "people", Map.of("alice", Map.of("timeZone", "Europe/Paris"))));
    private final Origins origins = new Origins(new Home("111122223333", "eu-west-1"), () -> Accounts.NONE);
    private final IncidentPages pages = new IncidentPages(store,
            new IncidentActions(commands, answers, InstantSource.fixed(NOW)), () -> config, origins,
            InstantSource.fixed(NOW));

    // ------------------------------------------------------------------ the list

    @Test
    void handles_theListAnIncidentAndItsActions_butNotAnotherAreasPageUnderAnIncident() {
        assertThat(pages.handles("/console/incidents")).isTrue();
        assertThat(pages.handles("/console/incidents/42")).isTrue();
        assertThat(pages.handles("/console/incidents/42/acknowledge")).isTrue();
        assertThat(pages.handles("/console/incidents/nope")).as("answered with its own 404").isTrue();
        // The console asks its areas in a set's order: claiming the postmortem's address would hide that page.
        assertThat(pages.handles("/console/incidents/42/postmortem")).isFalse();
        assertThat(pages.handles("/console/incidents/42/acknowledge/more")).isFalse();
        assertThat(pages.handles("/console/incidentsx")).isFalse();
    }

    @Test
    void list_shouldShowTheLast30Days_newestFirst_withLabelledFilters_andEscapedTitles() {
        incident("1", NOW.minus(Duration.ofDays(31)), "Too old", Severity.SEV2);
        incident("2", NOW.minus(Duration.ofDays(29)), "Within the period", Severity.SEV3);
        incident("3", NOW.minusSeconds(600), HOSTILE, Severity.SEV1);

        HttpResponse response = get(ALICE, "/console/incidents", "");
        Document page = Jsoup.parse(response.body());

        assertThat(response.status()).isEqualTo(200);
        assertThat(page.select("h1")).singleElement().extracting(Element::text).isEqualTo("Incidents");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("table caption").text()).isEqualTo(
                "Incidents opened from 2026-10-29 to 2026-11-27 (UTC), newest first");
        assertThat(page.select("tbody tr th[scope=row] a")).extracting(Element::text).containsExactly("#3", "#2");
        assertThat(page.select("tbody tr").first().select("td").first().text()).isEqualTo(HOSTILE);
        assertThat(page.select("tbody tr").first().text()).contains("SEV1").contains("Triggered")
                .contains("2026-11-27 09:20:00 UTC").contains("10:20 Europe/Paris");
        for (Element input : page.select("form.filters select, form.filters input")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
        }
        assertThat(page.select("#from").val()).isEqualTo("2026-10-29");
        assertThat(page.select("#to").val()).isEqualTo("2026-11-27");
        assertThat(page.select("a[rel=next]")).isEmpty();
    }

    @Test
    void list_shouldPage25AtATime_withALinkToOlderIncidentsKeepingTheFilters() {
        for (int i = 1; i <= 30; i++) {
            incident(Integer.toString(i), NOW.minus(Duration.ofHours(i)), "incident " + i, Severity.SEV2);
        }

        Document first = Jsoup.parse(get(ALICE, "/console/incidents", "severity=sev2&service=checkout").body());
        String older = first.select("a[rel=next]").attr("href");
        Document second = Jsoup.parse(get(ALICE, "/console/incidents", older.substring(older.indexOf('?') + 1))
                .body());

        assertThat(first.select("tbody tr")).hasSize(25);
        assertThat(first.select("tbody tr th a").first().text()).isEqualTo("#1");
        assertThat(older).startsWith("/console/incidents?service=checkout&severity=SEV2&from=2026-10-29"
                + "&to=2026-11-27&after=");
        assertThat(first.select("#severity option[selected]").val()).isEqualTo("SEV2");
        assertThat(second.select("tbody tr th a")).extracting(Element::text)
                .containsExactly("#26", "#27", "#28", "#29", "#30");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a:contains(First page)").attr("href")).doesNotContain("after=");
    }

    @Test
    void list_shouldFilterByStatus() {
        incident("1", NOW.minusSeconds(60), "open one", Severity.SEV2);
        incident("2", NOW.minusSeconds(30), "resolved one", Severity.SEV2);
        resolve("2");

        Document open = Jsoup.parse(get(ALICE, "/console/incidents", "status=open").body());
        Document resolved = Jsoup.parse(get(ALICE, "/console/incidents", "status=resolved").body());

        assertThat(open.select("tbody tr th a")).extracting(Element::text).containsExactly("#1");
        assertThat(resolved.select("tbody tr th a")).extracting(Element::text).containsExactly("#2");
        assertThat(resolved.select("tbody tr").text()).contains("Resolved");
    }

    @Test
    void list_shouldRefuseWrongFilters_namingEachProblem_with400() {
        HttpResponse response = get(ALICE, "/console/incidents",
                "severity=SEV9&status=sleeping&from=2026-11-30&to=2026-11-01");
        HttpResponse malformed = get(ALICE, "/console/incidents", "from=27%2F11%2F2026");
        HttpResponse tooLong = get(ALICE, "/console/incidents", "from=2020-01-01&to=2026-01-01");

        assertThat(response.status()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).select("[role=alert] li")).extracting(Element::text).containsExactly(
                "status 'sleeping' is not one of open, triggered, acknowledged, resolved",
                "severity 'SEV9' is not one of SEV1, SEV2, SEV3, SEV4, SEV5",
                "from (2026-11-30) is after to (2026-11-01)");
        assertThat(Jsoup.parse(response.body()).select("table")).isEmpty();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("from &#39;27/11/2026&#39; is not a date like 2026-11-27");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("longer than 366 days");
    }

    @Test
    void list_shouldRefuseAForgedPosition_with400_notAnError() {
        incident("1", NOW.minusSeconds(60), "one", Severity.SEV2);

        HttpResponse forged = get(ALICE, "/console/incidents", "after=bm90LWEtY3Vyc29y");
        HttpResponse outside = get(ALICE, "/console/incidents", "from=2026-11-20&after="
                + new dev.firebell.incident.IncidentCursor(Instant.parse("2026-01-01T00:00:00Z"), "1").encode());

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("the list position (after=) is not one Firebell gave");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("outside the period");
    }

    // ------------------------------------------------------------------ one incident

    @Test
    void anIncidentOfFirebellsOwnAccount_inAnotherRegion_saysSo_notJustTheRegion() {
        store.update(alarmIncident().toBuilder().accountId("111122223333").region("us-east-1").build(), List.of(),
                List.of(), null, null);

        Document page = Jsoup.parse(get(ALICE, "/console/incidents/1", "").body());

        assertThat(fact(page, "Account and region")).isEqualTo("Firebell's own account (111122223333), us-east-1");
    }

    @Test
    void incident_shouldShowItsFactsAlarmsTimelineAndPages_escapingEverything() {
        Incident incident = alarmIncident();
        store.update(incident, List.of(
                new TimelineEntry("1", NOW.minusSeconds(600), TimelineEntryType.OPENED, "firebell", "opened", Map.of()),
                new TimelineEntry("1", NOW.minusSeconds(300), TimelineEntryType.NOTE, "bob", HOSTILE, Map.of())),
                List.of(Page.pending("1", 1, "person:alice", PageReason.TRIGGERED, NOW, NOW, "t")), null,
                EscalationState.start("1", "checkout", NOW.plusSeconds(300), 2));

        Document page = Jsoup.parse(get(ALICE, "/console/incidents/1", "").body());

        assertThat(page.select("h1")).singleElement().extracting(Element::text).isEqualTo("Incident #1: " + HOSTILE);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("h2")).extracting(Element::text)
                .containsExactly("Summary", "Alarms", "Actions", "Timeline", "Pages");
        assertThat(fact(page, "Status")).isEqualTo("Triggered");
        assertThat(fact(page, "Severity")).isEqualTo("SEV2");
        assertThat(fact(page, "Account and region")).isEqualTo("Account 444455556666, us-east-1");
        assertThat(fact(page, "Opened")).isEqualTo("2026-11-27 09:20:00 UTC (Fri 27 Nov 10:20 Europe/Paris)");
        assertThat(fact(page, "Escalation")).startsWith("Active, policy checkout: next level due at 2026-11-27 09:35");
        assertThat(page.select("#alarms + ul li")).extracting(Element::text).containsExactly(
                "checkout-5xx: open in the CloudWatch console (in account 444455556666: switch role first)",
                "checkout-latency: open in the CloudWatch console (in account 444455556666: switch role first)");
        assertThat(page.select("#alarms ~ ul a").first().attr("href")).isEqualTo(
                "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/checkout-5xx");
        assertThat(page.select("#alarms ~ p").first().text())
                .isEqualTo("2 alarms grouped into this incident, 1 in ALARM now.");
        assertThat(page.select("table caption:contains(Oldest first) ~ tbody tr")).extracting(Element::text)
                .containsExactly("2026-11-27 09:20:00 UTC (Fri 27 Nov 10:20 Europe/Paris) Opened firebell opened",
                        "2026-11-27 09:25:00 UTC (Fri 27 Nov 10:25 Europe/Paris) Note bob " + HOSTILE);
        assertThat(page.select("table caption:contains(Who was paged) ~ tbody tr").text())
                .isEqualTo("1 person:alice Triggered Waiting to be sent —");
    }

    @Test
    void incident_shouldOfferEachActionAsAFormWithTheCsrfFieldAndLabels_toAPersonWhoMayAct() {
        store.update(alarmIncident(), List.of(), List.of(), null,
                EscalationState.start("1", "checkout", NOW.plusSeconds(300), 1));

        Document page = Jsoup.parse(get(ALICE, "/console/incidents/1", "").body());

        assertThat(page.select("main form[method=post]")).extracting(f -> f.attr("action")).containsExactly(
                "/console/incidents/1/acknowledge", "/console/incidents/1/escalate", "/console/incidents/1/resolve",
                "/console/incidents/1/note", "/console/incidents/1/severity");
        for (Element form : page.select("main form[method=post]")) {
            assertThat(form.select("input[type=hidden][name=csrf]").val()).isEqualTo(TOKEN);
            assertThat(form.select("button[type=submit]").text()).isNotBlank();
            for (Element input : form.select("input:not([type=hidden]), select, textarea")) {
                assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
            }
        }
        assertThat(page.select("form[action$=escalate] input[name=escalation]").val()).isEqualTo("1");
        assertThat(page.select("#severity option[selected]").val()).isEqualTo("SEV2");
    }

    @Test
    void incident_shouldOfferNoForm_toAReaderOutsideTheConfiguration_andNoAcknowledge_whenResolved() {
        store.update(alarmIncident(), List.of(), List.of(), null);
        Document read = Jsoup.parse(get(READER, "/console/incidents/1", "").body());
        resolve("1");
        Document resolved = Jsoup.parse(get(ALICE, "/console/incidents/1", "").body());

        assertThat(read.select("main form")).isEmpty();
        assertThat(read.select("#actions + p").text()).contains("only people of Firebell's configuration act");
        assertThat(fact(read, "Opened")).isEqualTo("2026-11-27 09:20:00 UTC");
        assertThat(resolved.select("main form[method=post]")).extracting(f -> f.attr("action"))
                .containsExactly("/console/incidents/1/note", "/console/incidents/1/severity");
    }

    @Test
    void incident_shouldBeNotFound_forAnUnknownOrMalformedId() {
        assertThat(get(ALICE, "/console/incidents/99", "").status()).isEqualTo(404);
        assertThat(get(ALICE, "/console/incidents/1%3Cb%3E", "").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ acting

    @Test
    void acknowledge_shouldActAsTheViewerFromTheConsole_andRedirectWithANotice() {
        store.update(alarmIncident(), List.of(), List.of(), null);
        Actor fromConsole = Actor.via("alice", Channel.CONSOLE, Map.of());
        when(commands.acknowledge("1", fromConsole)).thenReturn(new IncidentCommands.Outcome(null, true, "done"))
                .thenReturn(new IncidentCommands.Outcome(null, false, "#1 is already acknowledged"));

        HttpResponse first = post("/console/incidents/1/acknowledge", "");
        HttpResponse again = post("/console/incidents/1/acknowledge", "");
        Document after = Jsoup.parse(get(ALICE, "/console/incidents/1", "done=already-acknowledged").body());

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.header("location")).isEqualTo("/console/incidents/1?done=acknowledged");
        assertThat(again.header("location")).isEqualTo("/console/incidents/1?done=already-acknowledged");
        assertThat(after.select("[role=status]").text()).isEqualTo("It was already acknowledged; nothing changed.");
        assertThat(Jsoup.parse(get(ALICE, "/console/incidents/1", "done=%3Cscript%3E").body())
                .select("[role=status]")).isEmpty();
    }

    @Test
    void badInput_shouldBeNamed_with4xx_andReachNoService() {
        store.update(alarmIncident(), List.of(), List.of(), null);

        HttpResponse emptyNote = post("/console/incidents/1/note", "note=+++");
        HttpResponse longNote = post("/console/incidents/1/note", "note=" + "x".repeat(2001));
        HttpResponse badSeverity = post("/console/incidents/1/severity", "severity=SEV0");
        HttpResponse noEscalation = post("/console/incidents/1/escalate", "escalation=abc");
        HttpResponse missing = post("/console/incidents/9/acknowledge", "");
        HttpResponse get = get(ALICE, "/console/incidents/1/resolve", "");

        assertThat(emptyNote.status()).isEqualTo(400);
        assertThat(Jsoup.parse(emptyNote.body()).select("[role=alert]").text()).isEqualTo(
                "The note is empty: write what the timeline should say. Nothing was added.");
        assertThat(Jsoup.parse(emptyNote.body()).select("h1").text()).startsWith("Incident #1");
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(Jsoup.parse(badSeverity.body()).select("[role=alert]").text()).isEqualTo(
                "Severity 'SEV0' is not one of SEV1, SEV2, SEV3, SEV4, SEV5. Nothing was changed.");
        assertThat(noEscalation.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(get.status()).isEqualTo(405);
        verifyNoInteractions(commands, answers);
    }

    @Test
    void actingOnAResolvedIncident_shouldBeRefusedWith409_exceptResolvingItAgain() {
        store.update(alarmIncident(), List.of(), List.of(), null);
        resolve("1");
        when(commands.resolve(eq("1"), any(Actor.class), any()))
                .thenReturn(new IncidentCommands.Outcome(null, false, "#1 is already resolved"));

        HttpResponse ack = post("/console/incidents/1/acknowledge", "");
        HttpResponse escalate = post("/console/incidents/1/escalate", "escalation=1");
        HttpResponse resolveAgain = post("/console/incidents/1/resolve", "resolution=");

        assertThat(ack.status()).isEqualTo(409);
        assertThat(Jsoup.parse(ack.body()).select("[role=alert]").text())
                .isEqualTo("#1 is resolved; reopen it (from chat) before you acknowledge it. Nothing was changed.");
        assertThat(escalate.status()).isEqualTo(409);
        assertThat(resolveAgain.header("location")).isEqualTo("/console/incidents/1?done=already-resolved");
        verify(commands, never()).acknowledge(anyString(), any(Actor.class));
        verifyNoInteractions(answers);
    }

    @Test
    void escalate_shouldGoThroughPageAnswers_onceForTheEscalationTheFormWasShownWith() {
        store.update(alarmIncident(), List.of(), List.of(), null);
        when(answers.answer(eq("1"), eq(PageAction.ESCALATE), eq(Actor.via("alice", Channel.CONSOLE, Map.of())),
                eq("console-escalate#1#3"), eq(NOW.plus(Duration.ofDays(2)))))
                .thenReturn(new Answer.Done(null, PageAction.ESCALATE, "escalated"))
                .thenReturn(new Answer.AlreadyDone(null, PageAction.ESCALATE, "already"));

        assertThat(post("/console/incidents/1/escalate", "escalation=3").header("location"))
                .isEqualTo("/console/incidents/1?done=escalated");
        assertThat(post("/console/incidents/1/escalate", "escalation=3").header("location"))
                .isEqualTo("/console/incidents/1?done=already-escalated");
    }

    @Test
    void resolveNoteAndSeverity_shouldPassWhatWasTyped_asTheViewerFromTheConsole() {
        store.update(alarmIncident(), List.of(), List.of(), null);
        Actor fromConsole = Actor.via("alice", Channel.CONSOLE, Map.of());
        when(commands.resolve("1", fromConsole, "rolled back")).thenReturn(new IncidentCommands.Outcome(null, true, ""));
        when(commands.addNote("1", "looking <now>", fromConsole)).thenReturn(new IncidentCommands.Outcome(null, true,
                ""));
        when(commands.changeSeverity("1", Severity.SEV1, fromConsole)).thenReturn(new IncidentCommands.Outcome(null,
                true, ""));

        assertThat(post("/console/incidents/1/resolve", "resolution=+rolled+back+").header("location"))
                .endsWith("?done=resolved");
        assertThat(post("/console/incidents/1/note", "note=looking+%3Cnow%3E").header("location"))
                .endsWith("?done=noted");
        assertThat(post("/console/incidents/1/severity", "severity=sev1").header("location"))
                .endsWith("?done=severity");
    }

    // ------------------------------------------------------------------ helpers

    private void incident(String id, Instant openedAt, String title, Severity severity) {
        store.update(Incident.builder().id(id).title(title).service("checkout").severity(severity)
                .status(IncidentStatus.TRIGGERED).triggeredAt(openedAt).openedAt(openedAt).lastSeenAt(openedAt)
                .build(), List.of(), List.of(), null);
    }

    private void resolve(String id) {
        Incident i = store.incident(id).orElseThrow();
        store.update(i.toBuilder().status(IncidentStatus.RESOLVED).resolvedAt(NOW).resolvedBy("bob").build(),
                List.of(), List.of(), null);
    }

    /** #1, opened by an alarm of another account, grouped with a second alarm. */
    private static Incident alarmIncident() {
        Instant opened = NOW.minusSeconds(600);
        return Incident.builder().id("1").title(HOSTILE).service("checkout").severity(Severity.SEV2)
                .status(IncidentStatus.TRIGGERED).dedupKey("arn:aws:cloudwatch:us-east-1:444455556666:alarm:checkout-5xx")
                .alarmArn("arn:aws:cloudwatch:us-east-1:444455556666:alarm:checkout-5xx").alarmName("checkout-5xx")
                .accountId("444455556666").region("us-east-1").alarmKind(AlarmKind.METRIC)
                .triggeredAt(opened).openedAt(opened).lastSeenAt(opened).alarmCount(2)
                .group(new AlarmGroup(1, 2, List.of("checkout-5xx", "checkout-latency"))).build();
    }

    private static String fact(Document page, String term) {
        return page.select("dl.facts dt:containsOwn(" + term + ") + dd").text();
    }

    private HttpResponse get(Viewer viewer, String path, String query) {
        return pages.handle(new ConsoleRequest(new HttpRequest("GET", path, query, Map.of(), null, "console.example",
                "192.0.2.1"), viewer, TOKEN));
    }

    private HttpResponse post(String path, String form) {
        return pages.handle(new ConsoleRequest(new HttpRequest("POST", path, "", Map.of("content-type",
                "application/x-www-form-urlencoded"), ("csrf=" + TOKEN + "&" + form).getBytes(StandardCharsets.UTF_8),
                "console.example", "192.0.2.1"), ALICE, TOKEN));
    }
}
