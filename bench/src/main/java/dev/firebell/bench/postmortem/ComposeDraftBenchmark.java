package dev.firebell.bench.postmortem;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.postmortem.PostmortemComposer;
import dev.firebell.postmortem.PostmortemDraft;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Composing the postmortem draft of an incident with 10,000 timeline entries, as the postmortem function does once
 * per resolution (the timeline is already in memory: reading it from DynamoDB is measured separately, by the
 * function's own duration).
 *
 * <ul>
 *   <li>{@code storm}: an alarm storm, the common long incident: runs of duplicate deliveries interrupted every 50
 *       entries by a person's note, a page, a severity change or a role change.</li>
 *   <li>{@code notes}: the worst case for the text work: 10,000 notes written by people, every one escaped,
 *       blame-checked and listed (the timeline digest keeps 400 rows).</li>
 * </ul>
 *
 * Run: {@code mvn -B -q -pl bench -am package -DskipTests && java -cp 'bench/target/classes:bench/target/lib/*'
 * org.openjdk.jmh.Main ComposeDraftBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ComposeDraftBenchmark {

    static final int ENTRIES = 10_000;
    private static final String NAME = "search-api-errors";
    private static final String ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + NAME;
    private static final Instant START = Instant.parse("2026-11-27T13:00:00Z");

    @Param({"storm", "notes"})
    public String shape;

    private Incident incident;
    private List<TimelineEntry> timeline;
    private final PostmortemComposer composer = new PostmortemComposer(Duration.ofDays(30));

    @Setup(Level.Trial)
    public void build() {
        timeline = new ArrayList<>(ENTRIES);
        Instant at = START.plusSeconds(1);
        add(at, TimelineEntryType.OPENED, "alarm:" + NAME, NAME + " entered ALARM: Threshold Crossed: 5 out of the last 5"
                + " datapoints [812.0 (27/11/26 12:59:00)] were greater than the threshold (500.0) (minimum 5 datapoints"
                + " for OK -> ALARM transition). (service search, SEV3, routed by default route)",
                Map.of("alarmArn", ARN, "state", "ALARM", "stateTimestamp", START.toString()));
        String[] people = {"frank", "grace", "heidi", "ivan"};
        Severity severity = Severity.SEV3;
        for (int i = 1; i < ENTRIES - 1; i++) {
            at = at.plusSeconds(2);
            String person = people[i % people.length];
            if (shape.equals("notes")) {
                add(at, TimelineEntryType.NOTE, person, "Update " + i + ": shard " + (i % 16) + " is rejecting writes;"
                        + " moving traffic to the standby cluster while the index <rebuilds> | ETA ~20 min, *maybe*"
                        + (i % 97 == 0 ? " - the operator forgot to drain the node" : "") + ".", Map.of());
                continue;
            }
            switch (i % 50) {
                case 0 -> add(at, TimelineEntryType.NOTE, person, "Shard " + (i % 16) + " rejecting writes; moving"
                        + " traffic to the standby cluster.", Map.of());
                case 10 -> add(at, TimelineEntryType.PAGED, "firebell", "paged team-search (incident.escalated)",
                        Map.of("target", "team-search", "pageId", "31-" + i));
                case 20 -> {
                    Severity next = severity == Severity.SEV3 ? Severity.SEV2 : severity == Severity.SEV2
                            ? Severity.SEV1 : Severity.SEV2;
                    add(at, TimelineEntryType.SEVERITY_CHANGED, person, "severity " + severity + " -> " + next,
                            Map.of("from", severity.name(), "to", next.name()));
                    severity = next;
                }
                case 30 -> add(at, TimelineEntryType.ROLE_ASSIGNED, person, "commander: " + person,
                        Map.of("role", "commander", "person", person));
                default -> add(at, TimelineEntryType.DUPLICATE_SUPPRESSED, "alarm:" + NAME, NAME + " in ALARM again"
                        + " (delivery " + i + "); folded into this incident, nobody paged",
                        Map.of("alarmArn", ARN, "state", "ALARM", "stateTimestamp", at.minusSeconds(1).toString()));
            }
        }
        Instant resolved = at.plusSeconds(60);
        add(resolved, TimelineEntryType.RESOLVED, "frank", "resolved by frank: index rebuilt",
                Map.of("resolution", "Index rebuilt on the new cluster; traffic moved back."));
        incident = Incident.builder().id("31").title(NAME).service("search").severity(severity)
                .status(IncidentStatus.RESOLVED).dedupKey(ARN).alarmArn(ARN).alarmName(NAME).accountId("123456789012")
                .region("eu-west-1").alarmKind(AlarmKind.METRIC)
                .reason("Threshold Crossed: 5 out of the last 5 datapoints [812.0 (27/11/26 12:59:00)] were greater than"
                        + " the threshold (500.0) (minimum 5 datapoints for OK -> ALARM transition).")
                .metrics(List.of(new AlarmMetric("m1", "Search", "Errors", Map.of("Service", "search-api"), "Sum", 60,
                        null, null)))
                .triggeredAt(START).openedAt(START.plusSeconds(1)).alarmCount(ENTRIES).acknowledgedAt(START.plusSeconds(90))
                .acknowledgedBy("frank").resolvedAt(resolved).resolvedBy("frank")
                .resolution("Index rebuilt on the new cluster; traffic moved back.")
                .roles(Map.of("commander", "grace")).build();
        if (timeline.size() != ENTRIES) {
            throw new IllegalStateException("built " + timeline.size() + " entries, not " + ENTRIES);
        }
    }

    private void add(Instant at, TimelineEntryType type, String actor, String summary, Map<String, String> details) {
        timeline.add(new TimelineEntry("31", at, type, actor, summary, details));
    }

    @Benchmark
    public PostmortemDraft compose() {
        return composer.compose(incident, timeline, List.of());
    }

    /** Composing and hashing, as the function does before comparing with the stored version. */
    @Benchmark
    public String composeAndHash() {
        return composer.compose(incident, timeline, List.of()).sha256();
    }
}
