package dev.firebell.postmortem;

import dev.firebell.alarm.AlarmKind;
import dev.firebell.alarm.AlarmMetric;
import dev.firebell.incident.AlarmGroup;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.routing.Severity;
import dev.firebell.timeline.TimelineEntry;
import dev.firebell.timeline.TimelineEntryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Fixed incidents, each with the timeline Firebell's own code would have written for it (same actors, summaries
 * and details as AlarmTransitions, PageDispatcher and IncidentCommands write). Golden files are composed from
 * these.
 */
final class Fixtures {

    static final String ACCOUNT = "123456789012";
    /** A member account of the organization, named payments-prod in the configuration the golden files are composed with. */
    static final String MEMBER_ACCOUNT = "210987654321";
    static final String DAY = "2026-11-27T";

    private Fixtures() {
    }

    /** An incident, its timeline, and the related incidents the store would find. */
    record Case(String name, Incident incident, List<TimelineEntry> timeline, List<RelatedIncident> related) {
    }

    static List<Case> all() {
        return List.of(simple(), escalated(), flapping(), longWithDuplicates(), composite(), declaredWithHostileText(),
                storm(), memberAccount());
    }

    static String arn(String name) {
        return "arn:aws:cloudwatch:eu-west-1:" + ACCOUNT + ":alarm:" + name;
    }

    static Instant t(String hms) {
        return Instant.parse(DAY + hms + "Z");
    }

    // ------------------------------------------------------------------ simple

    /** An alarm fires, the team is paged, alice acknowledges in 4 min, the alarm returns to OK: auto-resolved. */
    static Case simple() {
        String name = "checkout-api-5xx-high";
        String reason = "Threshold Crossed: 3 out of the last 3 datapoints [57.0 (27/11/26 08:59:00), 44.0 (27/11/26"
                + " 08:58:00), 31.0 (27/11/26 08:57:00)] were greater than the threshold (25.0) (minimum 3 datapoints for"
                + " OK -> ALARM transition).";
        Incident incident = alarmIncident("1", name, "checkout", Severity.SEV2, reason, "09:00:00", "09:00:04.200")
                .metrics(List.of(new AlarmMetric("m1", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        Map.of("LoadBalancer", "app/checkout-prod/50dc6c495c0c9188"), "Sum", 60, null, null)))
                .description("5xx from the checkout load balancer. Runbook: https://wiki.example.com/checkout-5xx")
                .status(IncidentStatus.RESOLVED).acknowledgedAt(t("09:04:10")).acknowledgedBy("alice")
                .resolvedAt(t("09:12:00")).resolvedBy("alarm").statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .lastSeenAt(t("09:00:04.200")).roles(Map.of("commander", "alice")).build();
        Timeline tl = new Timeline("1")
                .alarm("09:00:04.200", TimelineEntryType.OPENED, name, "ALARM", "09:00:00",
                        name + " entered ALARM: " + reason + " (service checkout, SEV2, routed by rule 'checkout by name')")
                .page("09:00:04.500", "team-checkout", "1-1")
                .person("09:04:10", TimelineEntryType.ACKNOWLEDGED, "alice", "acknowledged by alice")
                .role("09:05:00", "alice", "commander", "alice")
                .person("09:06:30", TimelineEntryType.NOTE, "alice",
                        "Error rate rose right after deploy 2026.11.27-3 of checkout-api. Rolling it back.")
                .alarm("09:12:00.900", TimelineEntryType.RESOLVED, name, "OK", "09:12:00", name
                        + " returned to OK: Threshold Crossed: 3 out of the last 3 datapoints [0.0 (27/11/26 09:11:00),"
                        + " 0.0 (27/11/26 09:10:00), 3.0 (27/11/26 09:09:00)] were not greater than the threshold (25.0)"
                        + " (minimum 1 datapoint for ALARM -> OK transition).; resolved automatically");
        List<RelatedIncident> related = List.of(
                new RelatedIncident(past("7", name, "checkout", Severity.SEV2, "2026-11-20T14:02:11Z",
                        Duration.ofMinutes(3), "alarm", arn(name)), true),
                new RelatedIncident(past("5", "checkout-db-connections", "checkout", Severity.SEV3,
                        "2026-11-12T03:40:00Z", Duration.ofMinutes(48), "bob", arn("checkout-db-connections")), false));
        return new Case("simple", incident, tl.entries, related);
    }

    // ------------------------------------------------------------------ escalated

    /**
     * Nobody answers at first: a page fails and is retried, it escalates twice, carol acknowledges, raises it to
     * SEV1, hands the acknowledgement to dave, who resolves it. The service does not auto-resolve, so the alarm's
     * OK only marks the mitigation. Some notes are worded with blame.
     */
    static Case escalated() {
        String name = "payments-db-cpu";
        String reason = "Threshold Crossed: 2 out of the last 2 datapoints [96.2 (27/11/26 01:59:00), 93.7 (27/11/26"
                + " 01:58:00)] were greater than or equal to the threshold (90.0) (minimum 2 datapoints for OK -> ALARM"
                + " transition).";
        String day = "2026-11-27T";
        Incident incident = alarmIncident("12", name, "payments", Severity.SEV1, reason, "02:00:01", "02:00:03")
                .metrics(List.of(new AlarmMetric("m1", "AWS/RDS", "CPUUtilization",
                        Map.of("DBInstanceIdentifier", "payments-primary"), "Average", 60, null, null)))
                .status(IncidentStatus.RESOLVED).acknowledgedAt(Instant.parse(day + "02:24:00Z")).acknowledgedBy("dave")
                .resolvedAt(Instant.parse(day + "03:05:00Z")).resolvedBy("dave")
                .statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .resolution("Failed over to the replica. The careless config push was reverted.")
                .roles(Map.of("commander", "carol", "scribe", "dave")).build();
        Timeline tl = new Timeline("12")
                .alarm("02:00:03", TimelineEntryType.OPENED, name, "ALARM", "02:00:01",
                        name + " entered ALARM: " + reason + " (service payments, SEV2, routed by rule 'payments alarms by name')")
                .system("02:00:03.400", TimelineEntryType.PAGE_FAILED,
                        "page to team-payments failed (SNS publish failed: Throttling); retrying from 2026-11-27T02:01:03.400Z",
                        Map.of("pageId", "12-1", "attempt", "1"))
                .page("02:01:04", "team-payments", "12-1")
                .system("02:06:04", TimelineEntryType.ESCALATED, "no acknowledgement after 5 min: escalated to level 2 (bob)",
                        Map.of("level", "2", "target", "bob"))
                .page("02:06:04.300", "bob", "12-2")
                .system("02:11:04", TimelineEntryType.ESCALATED, "no acknowledgement after 5 min: escalated to level 3 (carol)",
                        Map.of("level", "3", "target", "carol"))
                .page("02:11:04.200", "carol", "12-3")
                .person("02:14:30", TimelineEntryType.ACKNOWLEDGED, "carol", "acknowledged by carol")
                .severity("02:15:00", "carol", "SEV2", "SEV1")
                .role("02:15:20", "carol", "commander", "carol")
                .person("02:20:00", TimelineEntryType.NOTE, "carol",
                        "Root cause looks like human error: bob should have checked the failover runbook before the"
                                + " config push.")
                .person("02:23:00", TimelineEntryType.UNACKNOWLEDGED, "carol",
                        "acknowledgement withdrawn by carol; the incident is triggered again")
                .person("02:24:00", TimelineEntryType.ACKNOWLEDGED, "dave", "acknowledged by dave")
                .role("02:24:30", "carol", "scribe", "dave")
                .person("02:40:00", TimelineEntryType.NOTE, "dave", "It was nobody's fault; the runbook step is"
                        + " ambiguous about which parameter group applies.")
                .alarm("02:52:10", TimelineEntryType.NOTE, name, "OK", "02:52:00", name
                        + " returned to OK; service payments does not auto-resolve, so the incident stays open")
                .resolve("03:05:00", "dave", "Failed over to the replica. The careless config push was reverted.");
        return new Case("escalated", incident, tl.entries, List.of());
    }

    // ------------------------------------------------------------------ flapping

    /** ALARM, OK, ALARM again within the reopen window (twice): one incident, one page, nobody acknowledged. */
    static Case flapping() {
        String name = "checkout-api-latency-p99";
        String reason = "Threshold Crossed: 1 out of the last 1 datapoints [2.31 (27/11/26 10:59:00)] was greater than"
                + " the threshold (1.5) (minimum 1 datapoint for OK -> ALARM transition).";
        Incident incident = alarmIncident("20", name, "checkout", Severity.SEV3, reason, "11:00:00", "11:00:02")
                .metrics(List.of(new AlarmMetric("m1", "AWS/ApplicationELB", "TargetResponseTime",
                        Map.of("LoadBalancer", "app/checkout-prod/50dc6c495c0c9188"), "p99", 60, null, null)))
                .status(IncidentStatus.RESOLVED).resolvedAt(t("11:40:00")).resolvedBy("alarm")
                .statusBeforeResolve(IncidentStatus.TRIGGERED).reopenCount(2).alarmCount(3).build();
        String ok = name + " returned to OK: Threshold Crossed: 1 out of the last 1 datapoints [0.9 (27/11/26 11:09:00)]"
                + " was not greater than the threshold (1.5) (minimum 1 datapoint for ALARM -> OK transition).; resolved"
                + " automatically";
        Timeline tl = new Timeline("20")
                .alarm("11:00:02", TimelineEntryType.OPENED, name, "ALARM", "11:00:00",
                        name + " entered ALARM: " + reason + " (service checkout, SEV3, routed by default route)")
                .page("11:00:02.300", "team-checkout", "20-1")
                .alarm("11:10:01", TimelineEntryType.RESOLVED, name, "OK", "11:10:00", ok)
                .alarm("11:14:01", TimelineEntryType.REOPENED, name, "ALARM", "11:14:00", name
                        + " returned to ALARM 4 min after it resolved (reopen window 15 min); reopened as TRIGGERED instead"
                        + " of paging again")
                .alarm("11:20:01", TimelineEntryType.RESOLVED, name, "OK", "11:20:00", ok)
                .alarm("11:27:01", TimelineEntryType.REOPENED, name, "ALARM", "11:27:00", name
                        + " returned to ALARM 7 min after it resolved (reopen window 15 min); reopened as TRIGGERED instead"
                        + " of paging again")
                .alarm("11:40:01", TimelineEntryType.RESOLVED, name, "OK", "11:40:00", ok);
        return new Case("flapping", incident, tl.entries, List.of(
                new RelatedIncident(past("18", name, "checkout", Severity.SEV3, "2026-11-26T18:00:00Z",
                        Duration.ofMinutes(2), "alarm", arn(name)), true),
                new RelatedIncident(past("16", name, "checkout", Severity.SEV3, "2026-11-25T09:30:00Z",
                        Duration.ofMinutes(4), "alarm", arn(name)), true)));
    }

    // ------------------------------------------------------------------ long, many duplicates

    /**
     * A six-hour storm: the alarm is re-delivered every 10 s (2,000 duplicates), interrupted by a few people's
     * actions; severity goes SEV3 -> SEV2 -> SEV1 -> SEV2.
     */
    static Case longWithDuplicates() {
        String name = "search-api-errors";
        String reason = "Threshold Crossed: 5 out of the last 5 datapoints [812.0 (27/11/26 12:59:00), 640.0 (27/11/26"
                + " 12:58:00), 611.0 (27/11/26 12:57:00), 580.0 (27/11/26 12:56:00), 530.0 (27/11/26 12:55:00)] were greater"
                + " than the threshold (500.0) (minimum 5 datapoints for OK -> ALARM transition).";
        Incident incident = alarmIncident("31", name, "search", Severity.SEV2, reason, "13:00:00", "13:00:01")
                .metrics(List.of(
                        new AlarmMetric("errors", "Search", "Errors", Map.of("Service", "search-api"), "Sum", 60, null, null),
                        new AlarmMetric("requests", "Search", "Requests", Map.of("Service", "search-api"), "Sum", 60, null,
                                null),
                        new AlarmMetric("rate", null, null, Map.of(), null, null, "100 * errors / requests",
                                "Error rate (%)")))
                .status(IncidentStatus.RESOLVED).acknowledgedAt(t("13:02:00")).acknowledgedBy("frank")
                .resolvedAt(t("19:00:00")).resolvedBy("frank").statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .resolution("Index rebuilt on the new cluster; traffic moved back.").alarmCount(2001)
                .roles(Map.of("commander", "grace")).build();
        Timeline tl = new Timeline("31")
                .alarm("13:00:01", TimelineEntryType.OPENED, name, "ALARM", "13:00:00",
                        name + " entered ALARM: " + reason + " (service search, SEV3, routed by default route)")
                .page("13:00:01.200", "team-search", "31-1")
                .person("13:02:00", TimelineEntryType.ACKNOWLEDGED, "frank", "acknowledged by frank");
        Instant at = t("13:02:10");
        int delivery = 2;
        for (int i = 0; i < 2000; i++) {
            tl.duplicate(at, name, delivery++);
            at = at.plusSeconds(10);
            if (i % 400 == 399) {
                switch (i / 400) {
                    case 0 -> tl.severity(at, "frank", "SEV3", "SEV2");
                    case 1 -> tl.person(at, TimelineEntryType.NOTE, "frank",
                            "Shard 7 of the search cluster is rejecting writes; moving traffic to the standby cluster.");
                    case 2 -> tl.role(at, "frank", "commander", "grace");
                    case 3 -> tl.severity(at, "grace", "SEV2", "SEV1");
                    default -> tl.severity(at, "grace", "SEV1", "SEV2").person(at.plusSeconds(1), TimelineEntryType.NOTE,
                            "grace", "Standby cluster serving; rebuilding the index on the new cluster.");
                }
                at = at.plusSeconds(10);
            }
        }
        tl.alarm("18:45:10", TimelineEntryType.NOTE, name, "OK", "18:45:00", name
                        + " returned to OK; service search does not auto-resolve, so the incident stays open")
                .resolve("19:00:00", "frank", "Index rebuilt on the new cluster; traffic moved back.");
        return new Case("long-duplicates", incident, tl.entries, List.of());
    }

    // ------------------------------------------------------------------ composite

    /** A composite alarm tipped by one of its children; erin handles it. */
    static Case composite() {
        String name = "payments-platform-health";
        String child1 = arn("payments-api-latency-p99");
        String child2 = arn("payments-db-cpu");
        String reason = child1 + " transitioned to ALARM at Friday 27 November, 2026 09:07:58 UTC";
        Incident incident = alarmIncident("41", name, "payments", Severity.SEV1, reason, "09:08:02.154", "09:08:03")
                .alarmKind(AlarmKind.COMPOSITE).status(IncidentStatus.RESOLVED).acknowledgedAt(t("09:09:30"))
                .acknowledgedBy("erin").resolvedAt(t("09:31:00")).resolvedBy("erin")
                .statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .resolution("Restarted the payments API connection pool; latency back under 300 ms.")
                .roles(Map.of("commander", "erin")).build();
        Timeline tl = new Timeline("41");
        tl.add(t("09:08:03"), TimelineEntryType.OPENED, "alarm:" + name, name + " entered ALARM: " + reason
                + " (service payments, SEV1, routed by rule 'payments alarms by name')", alarmDetails(name, "ALARM",
                "09:08:02.154", Map.of("triggeringAlarms", child1 + "," + child2)));
        tl.page("09:08:03.300", "team-payments", "41-1")
                .person("09:09:30", TimelineEntryType.ACKNOWLEDGED, "erin", "acknowledged by erin")
                .role("09:10:00", "erin", "commander", "erin")
                .person("09:20:00", TimelineEntryType.NOTE, "erin", "Connection pool exhausted after the 09:00 traffic"
                        + " spike; pool size is fixed at 20 per task.")
                .resolve("09:31:00", "erin", "Restarted the payments API connection pool; latency back under 300 ms.");
        return new Case("composite", incident, tl.entries, List.of());
    }

    // ------------------------------------------------------------------ declared, with text that fights Markdown

    /** A person declares it; titles and notes carry HTML, Markdown syntax and blame. Nothing may render as markup. */
    static Case declaredWithHostileText() {
        String title = "Checkout <script>alert('x')</script> | down # now **bold** [link](http://evil.example)";
        Incident incident = Incident.builder().id("50").title(title).service("checkout").severity(Severity.SEV2)
                .status(IncidentStatus.RESOLVED).triggeredAt(t("15:00:00")).openedAt(t("15:00:00"))
                .lastSeenAt(t("15:00:00")).alarmCount(0).acknowledgedAt(t("15:01:00")).acknowledgedBy("bob")
                .resolvedAt(t("15:30:00")).resolvedBy("alice").statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .resolution("Fixed. It was Bob's fault | really\n# not a heading\n```\ncode fence\n```")
                .roles(Map.of("commander", "alice")).version(5).build();
        Timeline tl = new Timeline("50")
                .person("15:00:00", TimelineEntryType.OPENED, "alice", "declared by alice: " + title
                        + " (service checkout, SEV2); alice is commander")
                .page("15:00:00.400", "team-checkout", "50-1")
                .person("15:01:00", TimelineEntryType.ACKNOWLEDGED, "bob", "acknowledged by bob")
                .person("15:05:00", TimelineEntryType.NOTE, "bob", "# Heading?\n- list item\n1. ordered\n---\n"
                        + "<img src=x onerror=alert(1)> &amp; `tick` ![img](http://evil.example/x.png)\n    indented code\n"
                        + "> quoted\n| a | b |\n|---|---|\nSomeone forgot to drain the node; operator error.")
                .resolve("15:30:00", "alice", "Fixed. It was Bob's fault | really\n# not a heading\n```\ncode fence\n```");
        return new Case("declared-hostile", incident, tl.entries, List.of());
    }

    // ------------------------------------------------------------------ an alarm storm, grouped

    /**
     * A database failover sets off 14 alarms of service orders within three minutes (ADR 0040): the first opens the
     * incident and pages, twelve join at once (with duplicates among them), one is recorded already recovered. Bob
     * acknowledges; the alarms return to OK one by one, one comes back to ALARM meanwhile, and the incident resolves
     * when the last of them is OK.
     */
    static Case storm() {
        String first = "orders-api-5xx";
        String reason = "Threshold Crossed: 2 out of the last 2 datapoints [412.0 (27/11/26 02:59:00), 380.0 (27/11/26"
                + " 02:58:00)] were greater than the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).";
        String opened = "opened by " + first + " at 2026-11-27T03:00:00Z, grouping window 5 min for service orders";
        List<String> joiners = List.of("orders-api-latency-p99", "orders-db-connections", "orders-db-cpu",
                "orders-db-replica-lag", "orders-queue-age", "orders-queue-depth", "orders-worker-errors",
                "orders-cache-misses", "orders-api-4xx", "orders-payments-timeouts", "orders-search-errors",
                "orders-export-failures");
        List<String> names = new ArrayList<>(List.of(first));
        names.addAll(joiners);
        names.add("orders-health-check");
        Incident incident = alarmIncident("31", first, "orders", Severity.SEV2, reason, "03:00:00", "03:00:01.200")
                .metrics(List.of(new AlarmMetric("m1", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                        Map.of("LoadBalancer", "app/orders-prod/9f3c1e2d4b5a6978"), "Sum", 60, null, null)))
                .status(IncidentStatus.RESOLVED).acknowledgedAt(t("03:06:00")).acknowledgedBy("bob")
                .resolvedAt(t("03:40:00")).resolvedBy("alarm").statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .lastSeenAt(t("03:12:00.400")).alarmCount(17).group(new AlarmGroup(0, 14, names)).build();
        Timeline tl = new Timeline("31")
                .alarm("03:00:01.200", TimelineEntryType.OPENED, first, "ALARM", "03:00:00", first + " entered ALARM: "
                        + reason + " (service orders, SEV2, routed by rule 'orders by name'); other alarms of orders that"
                        + " fire before 2026-11-27T03:05:00Z join this incident instead of paging")
                .page("03:00:01.500", "team-orders", "31-1");
        int second = 20;
        for (String name : joiners) {
            String stamp = String.format("03:%02d:%02d", second / 60, second % 60);
            tl.grouped(stamp + ".700", name, stamp, name + " entered ALARM: Threshold Crossed: 1 datapoint [96.0] was"
                    + " greater than the threshold (80.0).; joined this incident (" + opened + "): "
                    + (joiners.indexOf(name) + 2) + " of " + (joiners.indexOf(name) + 2) + " grouped alarms in ALARM,"
                    + " nobody paged", "joined");
            second += 10;
        }
        tl.duplicate(t("03:02:41"), "orders-db-cpu", 2)
                .duplicate(t("03:02:51"), "orders-db-cpu", 3)
                .grouped("03:03:30.100", "orders-health-check", "03:02:00", "orders-health-check was in ALARM from"
                        + " 2026-11-27T03:02:00Z to 2026-11-27T03:02:40Z (its OK arrived first); recorded in this incident ("
                        + opened + "), not counted as in ALARM, nobody paged", "recorded recovered")
                .person("03:06:00", TimelineEntryType.ACKNOWLEDGED, "bob", "acknowledged by bob")
                .person("03:08:00", TimelineEntryType.NOTE, "bob", "Primary database failed over to the replica at"
                        + " 02:58; connections are recovering.");
        int okSecond = 9 * 60;
        for (String name : joiners.subList(0, 8)) {
            String stamp = String.format("03:%02d:%02d", okSecond / 60, okSecond % 60);
            int still = 13 - joiners.indexOf(name) - 1;
            tl.alarm(stamp + ".300", TimelineEntryType.GROUPED_OK, name, "OK", stamp, name + " returned to OK:"
                    + " Threshold Crossed: 1 datapoint [12.0] was not greater than the threshold (80.0).; " + still
                    + " of 14 grouped alarms still in ALARM, the incident stays open");
            okSecond += 20;
        }
        tl.grouped("03:12:00.400", "orders-db-cpu", "03:12:00", "orders-db-cpu is back in ALARM: Threshold Crossed: 1"
                        + " datapoint [91.0] was greater than the threshold (80.0).; 6 of 14 grouped alarms in ALARM, nobody"
                        + " paged", "back in ALARM")
                .alarm("03:20:00.300", TimelineEntryType.GROUPED_OK, "orders-db-cpu", "OK", "03:20:00",
                        "orders-db-cpu returned to OK: Threshold Crossed: 1 datapoint [40.0] was not greater than the"
                                + " threshold (80.0).; 5 of 14 grouped alarms still in ALARM, the incident stays open");
        okSecond = 25 * 60;
        for (String name : joiners.subList(8, 12)) {
            String stamp = String.format("03:%02d:%02d", okSecond / 60, okSecond % 60);
            tl.alarm(stamp + ".300", TimelineEntryType.GROUPED_OK, name, "OK", stamp, name + " returned to OK:"
                    + " Threshold Crossed: 1 datapoint [3.0] was not greater than the threshold (80.0).; "
                    + (12 - joiners.indexOf(name)) + " of 14 grouped alarms still in ALARM, the incident stays open");
            okSecond += 60;
        }
        tl.alarm("03:40:00.800", TimelineEntryType.RESOLVED, first, "OK", "03:40:00", first + " returned to OK: Threshold"
                + " Crossed: 2 out of the last 2 datapoints [0.0 (27/11/26 03:39:00), 2.0 (27/11/26 03:38:00)] were not"
                + " greater than the threshold (50.0) (minimum 2 datapoints for ALARM -> OK transition).; all 14 grouped"
                + " alarms are OK; resolved automatically");
        return new Case("storm", incident, tl.entries, List.of());
    }

    // ------------------------------------------------------------------ member account

    /**
     * An alarm of another account of the organization, in another region, forwarded to Firebell's central bus: the
     * header, the summary and the console link say which account and region, and that the link needs a role switch.
     */
    static Case memberAccount() {
        String name = "card-authorizer-latency-p99";
        String arn = "arn:aws:cloudwatch:us-east-1:" + MEMBER_ACCOUNT + ":alarm:" + name;
        String reason = "Threshold Crossed: 2 out of the last 2 datapoints [2410.0 (27/11/26 09:31:00), 2350.0 (27/11/26"
                + " 09:30:00)] were greater than the threshold (1500.0) (minimum 2 datapoints for OK -> ALARM transition).";
        Incident incident = alarmIncident("3", name, "payments", Severity.SEV2, reason, "09:32:00", "09:32:01.400")
                .dedupKey(arn).alarmArn(arn).accountId(MEMBER_ACCOUNT).region("us-east-1")
                .metrics(List.of(new AlarmMetric("m1", "AWS/Lambda", "Duration",
                        Map.of("FunctionName", "card-authorizer"), "p99", 60, null, null)))
                .status(IncidentStatus.RESOLVED).acknowledgedAt(t("09:34:30")).acknowledgedBy("erin")
                .resolvedAt(t("09:47:00")).resolvedBy("alarm").statusBeforeResolve(IncidentStatus.ACKNOWLEDGED)
                .build();
        Map<String, String> opened = new LinkedHashMap<>(Map.of("alarmArn", arn, "state", "ALARM",
                "stateTimestamp", t("09:32:00").toString(), "deliveredBy", "EVENTBRIDGE"));
        Map<String, String> recovered = new LinkedHashMap<>(opened);
        recovered.put("state", "OK");
        recovered.put("stateTimestamp", t("09:47:00").toString());
        Timeline tl = new Timeline("3")
                .add(t("09:32:01.400"), TimelineEntryType.OPENED, "alarm:" + name, name + " entered ALARM: " + reason
                        + " (service payments, SEV2, routed by rule 'payments account'; from account payments-prod"
                        + " (210987654321), us-east-1)", opened)
                .page("09:32:01.700", "person:erin", "3-1")
                .person("09:34:30", TimelineEntryType.ACKNOWLEDGED, "erin", "acknowledged by erin")
                .add(t("09:47:00.600"), TimelineEntryType.RESOLVED, "alarm:" + name, name + " returned to OK: Threshold"
                        + " Crossed: 1 datapoint [640.0 (27/11/26 09:46:00)] was not greater than the threshold (1500.0)"
                        + " (minimum 1 datapoint for ALARM -> OK transition).; resolved automatically", recovered);
        return new Case("member-account", incident, tl.entries, List.of());
    }

    // ------------------------------------------------------------------ builders

    static Incident.Builder alarmIncident(String id, String name, String service, Severity severity, String reason,
                                          String triggered, String opened) {
        return Incident.builder().id(id).title(name).service(service).severity(severity).status(IncidentStatus.TRIGGERED)
                .dedupKey(arn(name)).alarmArn(arn(name)).alarmName(name).accountId(ACCOUNT).region("eu-west-1")
                .alarmKind(AlarmKind.METRIC).reason(reason).triggeredAt(t(triggered)).openedAt(t(opened))
                .lastSeenAt(t(opened)).alarmCount(1).version(3);
    }

    /** An alarm incident of service orders, opened at 09:00:04 and resolved by alice at 10:00, for section tests. */
    static Incident.Builder plainIncident(String id) {
        return alarmIncident(id, "orders-api-5xx", "orders", Severity.SEV2, null, "09:00:00", "09:00:04")
                .status(IncidentStatus.RESOLVED).resolvedAt(t("10:00:00")).resolvedBy("alice");
    }

    /** What one section's writer writes for an incident and its timeline. */
    static String written(BiConsumer<StringBuilder, IncidentAnalysis> section, Incident incident,
                          List<TimelineEntry> timeline) {
        StringBuilder md = new StringBuilder();
        section.accept(md, new IncidentAnalysis(incident, timeline));
        return md.toString();
    }

    static Incident past(String id, String name, String service, Severity severity, String opened, Duration lasted,
                         String resolvedBy, String dedupKey) {
        Instant at = Instant.parse(opened);
        return Incident.builder().id(id).title(name).service(service).severity(severity).status(IncidentStatus.RESOLVED)
                .dedupKey(dedupKey).alarmArn(dedupKey).alarmName(name).region("eu-west-1").triggeredAt(at)
                .openedAt(at.plusSeconds(2)).alarmCount(1).resolvedAt(at.plus(lasted)).resolvedBy(resolvedBy).build();
    }

    private static Map<String, String> alarmDetails(String name, String state, String stamp, Map<String, String> more) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("alarmArn", arn(name));
        d.put("state", state);
        d.put("stateTimestamp", t(stamp).toString());
        d.put("deliveredBy", "EVENTBRIDGE");
        d.putAll(more);
        return d;
    }

    /** Writes entries the way Firebell's own code does. */
    static final class Timeline {
        final String incidentId;
        final List<TimelineEntry> entries = new ArrayList<>();

        Timeline(String incidentId) {
            this.incidentId = incidentId;
        }

        Timeline add(Instant at, TimelineEntryType type, String actor, String summary, Map<String, String> details) {
            entries.add(new TimelineEntry(incidentId, at, type, actor, summary, details));
            return this;
        }

        Timeline alarm(String at, TimelineEntryType type, String name, String state, String stamp, String summary) {
            return add(t(at), type, "alarm:" + name, summary, alarmDetails(name, state, stamp, Map.of()));
        }

        Timeline grouped(String at, String name, String stamp, String summary, String how) {
            return add(t(at), TimelineEntryType.GROUPED, "alarm:" + name, summary,
                    alarmDetails(name, "ALARM", stamp, Map.of("grouping", how)));
        }

        Timeline duplicate(Instant at, String name, int delivery) {
            return add(at, TimelineEntryType.DUPLICATE_SUPPRESSED, "alarm:" + name, name + " in ALARM again (delivery "
                    + delivery + "); folded into this incident, nobody paged", Map.of("alarmArn", arn(name), "state",
                    "ALARM", "stateTimestamp", at.minusSeconds(1).toString(), "deliveredBy", "SNS"));
        }

        Timeline page(String at, String target, String pageId) {
            return add(t(at), TimelineEntryType.PAGED, TimelineEntry.SYSTEM_ACTOR, "paged " + target
                    + " (incident.triggered)", Map.of("pageId", pageId, "target", target, "messageId", "msg-" + pageId,
                    "attempt", "1"));
        }

        Timeline system(String at, TimelineEntryType type, String summary, Map<String, String> details) {
            return add(t(at), type, TimelineEntry.SYSTEM_ACTOR, summary, details);
        }

        Timeline person(String at, TimelineEntryType type, String who, String summary) {
            return person(t(at), type, who, summary);
        }

        Timeline person(Instant at, TimelineEntryType type, String who, String summary) {
            return add(at, type, who, summary, Map.of());
        }

        /** Notes "note 1" to "note {@code count}" by one person, one a second from {@code from}. */
        Timeline notes(String from, String who, int count) {
            for (int n = 1; n <= count; n++) {
                person(t(from).plusSeconds(n - 1), TimelineEntryType.NOTE, who, "note " + n);
            }
            return this;
        }

        Timeline role(String at, String actor, String role, String person) {
            return role(t(at), actor, role, person);
        }

        Timeline role(Instant at, String actor, String role, String person) {
            return add(at, TimelineEntryType.ROLE_ASSIGNED, actor, role + ": " + person + ", assigned by " + actor,
                    Map.of("role", role, "person", person));
        }

        Timeline severity(String at, String actor, String from, String to) {
            return severity(t(at), actor, from, to);
        }

        Timeline severity(Instant at, String actor, String from, String to) {
            return add(at, TimelineEntryType.SEVERITY_CHANGED, actor, "severity " + from + " -> " + to + " by " + actor,
                    Map.of("from", from, "to", to));
        }

        Timeline resolve(String at, String actor, String resolution) {
            return add(t(at), TimelineEntryType.RESOLVED, actor, "resolved by " + actor + ": " + resolution,
                    Map.of("resolution", resolution));
        }
    }
}
