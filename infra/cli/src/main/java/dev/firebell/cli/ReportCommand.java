package dev.firebell.cli;

import dev.firebell.aws.Json;
import dev.firebell.aws.dynamodb.DynamoIncidentHistory;
import dev.firebell.aws.dynamodb.DynamoMetricsStore;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.metrics.DurationSummary;
import dev.firebell.metrics.Durations;
import dev.firebell.metrics.IncidentReport;
import dev.firebell.metrics.IncidentReportText;
import dev.firebell.metrics.IncidentReports;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code firebell report --since 30d}: MTTA and MTTR per service and per severity, and the noisiest alarms, for
 * the incidents opened in a period. One query per month of the period on the month index; no scan.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "MTTA and MTTR per service and per severity over a period, the noisiest alarms (incidents"
                + " auto-resolved within minutes, or reopened by a flap), and the alarms behind the most incidents.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--since", defaultValue = "30d",
            description = "How far back from --until: 30d, 12h, 2w... (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = {"--until", "--at"}, paramLabel = "<instant>",
            description = "End of the period, e.g. 2026-12-01T00:00:00Z (default: now).")
    String until;

    @Option(names = "--noisy-within", defaultValue = "5m",
            description = "An incident its alarm resolved within this long counts as noise (default: ${DEFAULT-VALUE}).")
    String noisyWithin;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Mixin
    ConfigCommand.Target target = new ConfigCommand.Target();

    @Override
    public Integer call() {
        Instant to = until == null ? Instant.now() : instant(until);
        Instant from = to.minus(Durations.parse(since));
        Duration noise = Durations.parse(noisyWithin);
        if (target.table != null && target.stack.endpoint == null) {
            try (DynamoDbClient dynamo = DynamoDbClient.create()) {
                return print(dynamo, target.table, from, to, noise);
            }
        }
        if (target.stack.endpoint == null) {
            throw new IllegalArgumentException("say which incidents to report on: --table <name> for a deployed stack"
                    + " (the IncidentsTableName output), or --endpoint <url> for a local stack started with"
                    + " './firebell stack'");
        }
        try (LocalStack local = target.stack.open()) {
            LocalResources resources = target.stack.provision(local);
            String table = target.table != null ? target.table : resources.tableName("FirebellTable");
            return print(local.dynamoDb(), table, from, to, noise);
        }
    }

    private int print(DynamoDbClient dynamo, String table, Instant from, Instant to, Duration noise) {
        IncidentReport report = new IncidentReports(new DynamoIncidentHistory(dynamo, table),
                new DynamoMetricsStore(dynamo, table)).report(from, to, noise);
        PrintStream out = System.out;
        out.print(json ? Json.writePretty(toMap(report)) + "\n" : IncidentReportText.render(report));
        return 0;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--until/--at '" + text + "' is not an instant like 2026-12-01T00:00:00Z");
        }
    }

    static Map<String, Object> toMap(IncidentReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("incidents", r.incidents());
        m.put("open", r.open());
        m.put("estimated", r.estimated());
        m.put("noisyWithinSeconds", r.noisyWithin().toSeconds());
        m.put("overall", stats(r.overall()));
        m.put("byService", r.byService().stream().map(ReportCommand::stats).toList());
        m.put("bySeverity", r.bySeverity().stream().map(ReportCommand::stats).toList());
        List<Map<String, Object>> noisy = new ArrayList<>();
        for (IncidentReport.NoisyAlarm n : r.noisiest()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alarm", n.alarm());
            a.put("dedupKey", n.dedupKey());
            a.put("service", n.service());
            a.put("incidents", n.incidents());
            a.put("quickAutoResolved", n.quickAutoResolved());
            a.put("reopens", n.reopens());
            a.put("medianDurationSeconds", seconds(n.medianDuration()));
            noisy.add(a);
        }
        m.put("noisiest", noisy);
        List<Map<String, Object>> loud = new ArrayList<>();
        for (IncidentReport.LoudAlarm l : r.loudest()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alarm", l.alarm());
            a.put("dedupKey", l.dedupKey());
            a.put("service", l.service());
            a.put("incidents", l.incidents());
            a.put("opened", l.opened());
            a.put("groupedInto", l.groupedInto());
            a.put("fired", l.fired());
            loud.add(a);
        }
        m.put("loudest", loud);
        return m;
    }

    private static Map<String, Object> stats(IncidentReport.Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", s.key());
        m.put("incidents", s.incidents());
        m.put("acknowledged", s.acknowledged());
        m.put("resolved", s.resolved());
        m.put("autoResolved", s.autoResolved());
        m.put("timeToAcknowledge", summary(s.acknowledge()));
        m.put("timeToResolve", summary(s.resolve()));
        m.put("timeToDetect", summary(s.detect()));
        return m;
    }

    private static Map<String, Object> summary(DurationSummary d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", d.count());
        m.put("meanSeconds", seconds(d.mean()));
        m.put("medianSeconds", seconds(d.median()));
        m.put("p90Seconds", seconds(d.p90()));
        m.put("maxSeconds", seconds(d.max()));
        return m;
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }
}
