package dev.firebell.postmortem;

import dev.firebell.account.Account;
import dev.firebell.account.Accounts;
import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.incident.Incident;
import dev.firebell.timeline.TimelineEntryType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.commonmark.node.Node;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Golden files for fixed incidents, and what every draft must be: parseable CommonMark with the expected headings,
 * well-formed Mermaid, tables whose rows all have their header's cells, and no HTML or links that did not come from
 * Firebell. To accept a deliberate change of the drafts: {@code mvn -pl shared/domain test -Dgolden.update=true},
 * then read the diff of src/test/resources/postmortem/golden before committing it.
 */
class PostmortemComposerTest {

    private static final Path GOLDEN = Path.of("src/test/resources/postmortem/golden");

    /**
     * Firebell in the fixtures' own account and region, with a member account named: the fixtures of that account and
     * region read as they always did; the member account's incident names its account and region.
     */
    static final Origins ORIGINS = new Origins(new Home(Fixtures.ACCOUNT, "eu-west-1"), () -> new Accounts(Map.of(
            Fixtures.MEMBER_ACCOUNT, new Account(Fixtures.MEMBER_ACCOUNT, "payments-prod"))));

    private final PostmortemComposer composer = new PostmortemComposer(Duration.ofDays(30), ORIGINS);

    static Stream<Arguments> cases() {
        return Fixtures.all().stream().map(c -> Arguments.of(c.name(), c));
    }

    private PostmortemDraft compose(Fixtures.Case c) {
        return composer.compose(c.incident(), c.timeline(), c.related());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compose_shouldMatchTheGoldenFile(String name, Fixtures.Case c) throws IOException {
        String markdown = compose(c).markdown();
        Path golden = GOLDEN.resolve(name + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, markdown, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(markdown).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compose_shouldParseAsCommonMark_withEverySectionInOrder(String name, Fixtures.Case c) {
        PostmortemDraft draft = compose(c);
        Node document = DraftDocuments.parse(draft.markdown());

        assertThat(DraftDocuments.headings(document)).containsExactlyElementsOf(DraftDocuments.expectedHeadings(
                "Postmortem: " + c.incident().title() + " (incident #" + c.incident().id() + ")",
                !draft.findings().isEmpty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compose_shouldWriteOneWellFormedMermaidGantt(String name, Fixtures.Case c) {
        List<List<String>> blocks = MermaidCheck.blocks(compose(c).markdown());

        assertThat(blocks).hasSize(1);
        assertThat(MermaidCheck.problems(blocks.get(0))).isEmpty();
        assertThat(blocks.get(0)).anyMatch(l -> l.startsWith("    Resolved :milestone, resolved, "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compose_shouldRenderNoHtml_noForeignLinks_andNoRaggedTables(String name, Fixtures.Case c) {
        String markdown = compose(c).markdown();
        Node document = DraftDocuments.parse(markdown);

        assertThat(DraftDocuments.html(document)).isZero();
        // Links only into the CloudWatch console of the alarm's own region (a member account's may be another)
        String region = c.incident().region();
        assertThat(DraftDocuments.destinations(document)).allMatch(d -> d.startsWith("https://" + region
                + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#"));
        assertThat(DraftDocuments.raggedTableRows(markdown)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compose_shouldGiveTheSameBytes_whenComposedAgain(String name, Fixtures.Case c) {
        assertThat(compose(c).sha256()).isEqualTo(compose(c).sha256());
    }

    @Test
    void compose_shouldFillInTheFacts_ofASimpleIncident() {
        PostmortemDraft draft = compose(Fixtures.simple());
        String md = draft.markdown();

        assertThat(md).contains("| Status | **Draft** |", "| Severity | SEV2 |", "| Services | checkout |",
                "| Started | 2026-11-27 09:00:00 UTC (alarm fired) |",
                "| Resolved | 2026-11-27 09:12:00 UTC (automatically, the alarm returned to OK) |",
                "| Duration | 12 min |", "| Commander | alice |");
        assertThat(md).contains("alice acknowledged it 4 min 5 s after the first page.");
        assertThat(md).contains("- **Time to detect:** 3 min, from the earliest evidence to the alarm firing.");
        assertThat(md).contains("- **Alerting delay:** Firebell opened the incident at 2026-11-27 09:00:04 UTC, 4 s after");
        assertThat(md).contains("### What went well\n\n- Acknowledged 4 min 5 s after the first page.");
        assertThat(md).contains("| #7 | 2026-11-20 14:02:13 | SEV2 | checkout-api-5xx-high | same alarm |"
                + " auto-resolved after 3 min |");
        assertThat(md).contains("(<https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                + "#alarmsV2:alarm/checkout-api-5xx-high>)");
        assertThat(draft.findings()).isEmpty();
    }

    @Test
    void compose_shouldShowEscalations_handOffs_timeAtEachSeverity_andFlagBlame() {
        PostmortemDraft draft = compose(Fixtures.escalated());
        String md = draft.markdown();

        assertThat(md).contains("- **Escalation:** reached level 3:");
        assertThat(md).contains("- **Hand-offs:**\n  - 2026-11-27 02:24:00 UTC, acknowledgement: carol to dave\n\n");
        assertThat(md).contains("| SEV2 | 14 min | 2026-11-27 02:00:01 | 2026-11-27 02:15:00 |",
                "| SEV1 | 50 min | 2026-11-27 02:15:00 | 2026-11-27 03:05:00 |");
        assertThat(md).contains("- **Mitigated:** the alarm returned to OK at 2026-11-27 02:52:00 UTC.");
        assertThat(md).contains("- It escalated to level 3 before anyone acknowledged.");
        assertThat(draft.findings()).extracting(BlameFinding::phrase)
                .containsExactly("human error", "should have", "careless");
        assertThat(md.indexOf("## Blameless review")).isLessThan(md.indexOf("| Field | Value |"));
        // Flagged, never rewritten: the words stay in the draft as written.
        assertThat(md).contains("Root cause looks like human error: bob should have checked the failover runbook");
    }

    @Test
    void compose_shouldShowEachOpenPeriod_whenTheAlarmFlapped() {
        String md = compose(Fixtures.flapping()).markdown();

        assertThat(md).contains("- **Open in 3 periods** (it resolved and reopened): 2026-11-27 11:00:00 to 11:10:00"
                + " (10 min); 2026-11-27 11:14:00 to 11:20:00 (6 min); 2026-11-27 11:27:00 to 11:40:00 (13 min). Open for"
                + " 29 min in all.");
        assertThat(md).contains("- The alarm flapped: the incident resolved and reopened twice.");
        assertThat(md).contains("- It recovered on its own (the alarm returned to OK) before anyone acknowledged it.");
        assertThat(MermaidCheck.blocks(md).get(0)).filteredOn(l -> l.startsWith("    Open :")).hasSize(3);
    }

    @Test
    void compose_shouldSummariseRepeatedDuplicates_inALongIncident() {
        Fixtures.Case c = Fixtures.longWithDuplicates();
        String md = compose(c).markdown();

        long duplicateRows = md.lines().filter(l -> l.contains("| Duplicate suppressed")).count();
        assertThat(c.timeline()).filteredOn(e -> e.type() == TimelineEntryType.DUPLICATE_SUPPRESSED).hasSize(2000);
        assertThat(duplicateRows).isEqualTo(5);
        assertThat(md).contains("| Duplicate suppressed \u00d7400 | alarm `search-api-errors` | 400 repeat ALARM"
                + " deliveries, folded into this incident; nobody paged |");
        // By hand: SEV3 13:00:00-14:08:50, SEV2 14:08:50-17:29:20 and 18:36:10-19:00:00, SEV1 17:29:20-18:36:10.
        assertThat(md).contains("In all: SEV1 1 h 6 min, SEV2 3 h 44 min, SEV3 1 h 8 min.");
        assertThat(md.lines().filter(l -> l.startsWith("| 2026-")).count()).isLessThan(40);
    }

    @Test
    void compose_shouldNameTheChildAlarms_ofACompositeAlarm() {
        String md = compose(Fixtures.composite()).markdown();

        assertThat(md).contains("CloudWatch composite alarm `payments-platform-health` entered ALARM, tipped by"
                + " `payments-api-latency-p99`.");
        assertThat(md).contains("| `payments-api-latency-p99` | child alarm | | | |", "| `payments-db-cpu` | child alarm | | | |");
        assertThat(md).contains("- **Earliest evidence:** child alarm `payments-api-latency-p99` entered ALARM at"
                + " 2026-11-27 09:07:58 UTC.");
        assertThat(md).contains("- **Time to detect:** 4 s, from the earliest evidence to the alarm firing.");
        assertThat(md).contains("#alarmsV2:alarm/payments-db-cpu>)");
    }

    @Test
    void compose_shouldKeepHostileTextVerbatim_asTextOnly() {
        Fixtures.Case c = Fixtures.declaredWithHostileText();
        PostmortemDraft draft = compose(c);
        Node document = DraftDocuments.parse(draft.markdown());
        String rendered = DraftDocuments.textOf(document);

        assertThat(rendered).contains("Checkout <script>alert('x')</script> | down # now **bold** [link](http://evil.example)");
        assertThat(rendered).contains("<img src=x onerror=alert(1)> &amp; `tick` ![img](http://evil.example/x.png)");
        assertThat(rendered).contains("# Heading?", "- list item", "1. ordered", "| a | b |", "indented code");
        assertThat(draft.findings()).extracting(BlameFinding::phrase)
                .containsExactly("forgot to", "operator error", "Bob's fault");
        assertThat(DraftDocuments.destinations(document)).isEmpty();
        assertThat(draft.markdown()).contains("- **Time to detect:** not computable from the data");
    }

    @Test
    void compose_shouldSayNothingWasPaged_andNotAcknowledged_whenThatIsWhatHappened() {
        Incident recovered = Fixtures.alarmIncident("60", "x-alarm", "checkout", dev.firebell.routing.Severity.SEV3,
                        null, "08:00:00", "08:30:00").status(dev.firebell.incident.IncidentStatus.RESOLVED)
                .resolvedAt(Fixtures.t("08:05:00")).resolvedBy("alarm").build();
        List<dev.firebell.timeline.TimelineEntry> timeline = new ArrayList<>(new Fixtures.Timeline("60")
                .alarm("08:30:00", TimelineEntryType.OPENED, "x-alarm", "ALARM", "08:00:00", "x-alarm entered ALARM: ")
                .alarm("08:30:00", TimelineEntryType.RESOLVED, "x-alarm", "ALARM", "08:00:00",
                        "resolved on arrival: the alarm's OK from 2026-11-27T08:05:00Z had already been received; nobody paged")
                .entries);

        String md = composer.compose(recovered, timeline, List.of()).markdown();

        assertThat(md).contains("- **Paged:** nobody (it had recovered already).");
        assertThat(md).contains("- It had recovered before the alarm reached Firebell, so nobody was woken.");
        assertThat(md).doesNotContain("Nobody acknowledged it.");
        assertThat(MermaidCheck.problems(MermaidCheck.blocks(md).get(0))).isEmpty();
    }
}
