package dev.firebell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import dev.firebell.routing.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./firebell report} against the local stack, as a user runs it. */
@LocalStackTest
class ReportCommandTest {

    private final LocalStack local;
    private final LocalResources resources;

    ReportCommandTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    private void incident(String id, String service, String opened, int ackSeconds, int resolveSeconds, String by) {
        Instant at = Instant.parse(opened);
        new DynamoIncidentStore(local.dynamoDb(), resources.tableName("FirebellTable"), Instant::now).update(
                Incident.builder().id(id).title("alarm-" + id).service(service).severity(Severity.SEV2)
                        .status(IncidentStatus.RESOLVED).dedupKey("arn:alarm-" + service).alarmArn("arn:alarm-" + service)
                        .alarmName("alarm-" + service).triggeredAt(at).openedAt(at)
                        .acknowledgedAt(ackSeconds < 0 ? null : at.plusSeconds(ackSeconds))
                        .resolvedAt(at.plusSeconds(resolveSeconds)).resolvedBy(by).build(),
                List.of(), List.of(), null);
    }

    private String[] run(String... args) {
        CliRun run = CliRun.of(args);
        return new String[] {String.valueOf(run.exit()), run.out(), run.err()};
    }

    @Test
    void report_shouldPrintMttaAndMttrPerServiceAndSeverity_andTheNoisiestAlarms() {
        incident("1", "checkout", "2026-11-10T10:00:00Z", 240, 720, "alice");
        incident("2", "checkout", "2026-11-12T10:00:00Z", 600, 3600, "bob");
        incident("3", "payments", "2026-11-20T10:00:00Z", -1, 120, "alarm");
        incident("4", "payments", "2026-10-01T10:00:00Z", 60, 60, "alarm");

        String[] result = run("report", "--since", "30d", "--until", "2026-12-01T00:00:00Z",
                "--endpoint", local.endpoint().toString());

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("Incidents opened 2026-11-01 00:00Z to 2026-12-01 00:00Z: 3 (0 still open)");
        assertThat(result[1]).containsPattern("checkout +2 +2 +7 min +4 min +10 min +2 +36 min");
        assertThat(result[1]).containsPattern("payments +1 +0 +- +- +- +1 +2 min");
        assertThat(result[1]).containsPattern("SEV2 +3 +2 +7 min");
        assertThat(result[1]).containsPattern("alarm-payments +payments +1 +1 +0 +2 min");
    }

    @Test
    void report_shouldWriteJson_andSayWhatIsMissingOrWrong() {
        String[] json = run("report", "--since", "2w", "--until", "2026-12-01T00:00:00Z", "--json",
                "--endpoint", local.endpoint().toString());
        String[] nowhere = run("report", "--since", "30d");
        String[] badSince = run("report", "--since", "thirty days", "--endpoint", local.endpoint().toString());

        assertThat(json[0]).isEqualTo("0");
        assertThat(json[1]).contains("\"from\" : \"2026-11-17T00:00:00Z\"", "\"byService\"", "\"noisiest\"", "\"loudest\"");
        assertThat(nowhere[0]).isEqualTo("1");
        assertThat(nowhere[2]).contains("firebell: say which incidents to report on: --table <name>");
        assertThat(badSince[0]).isEqualTo("1");
        assertThat(badSince[2]).contains("'thirty days' is not a duration");
    }
}
