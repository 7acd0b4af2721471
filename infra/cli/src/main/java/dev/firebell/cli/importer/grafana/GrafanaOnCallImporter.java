package dev.firebell.cli.importer.grafana;

import dev.firebell.cli.importer.ConfigDraft;
import dev.firebell.cli.importer.ConfigDraft.ContactDraft;
import dev.firebell.cli.importer.ConfigDraft.TargetDraft;
import dev.firebell.cli.importer.Drafts;
import dev.firebell.cli.importer.ExportFile;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.ImportOptions;
import dev.firebell.cli.importer.Importer;
import dev.firebell.cli.importer.Levels;
import dev.firebell.cli.importer.Names;
import dev.firebell.cli.importer.SourceRef;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Grafana OnCall public API ({@code /api/v1}) responses: users, teams, schedules and their on-call shifts
 * (read by {@link GrafanaShifts}), final shifts, escalation chains with their steps, integrations and routes.
 * Each integration becomes a service whose policy is its default route's chain.
 */
public final class GrafanaOnCallImporter extends Importer.Named {

    static final String TOOL = "Grafana OnCall";
    /** Grafana OnCall repeats a chain at most this many times. */
    private static final int REPEAT_ESCALATION_TIMES = 5;

    public GrafanaOnCallImporter() {
        super(TOOL, "grafana-oncall",
                "Grafana OnCall API responses ({\"count\": ..., \"results\": [...]} or one object, from /api/v1/users,"
                + " /teams, /schedules, /on_call_shifts, /schedules/{id}/final_shifts, /escalation_chains,"
                + " /escalation_policies, /integrations, /routes)");
    }

    @Override
    public boolean recognises(ExportNode root) {
        return GrafanaExport.recognises(root);
    }

    @Override
    public ConfigDraft read(List<ExportFile> files, ImportOptions options) {
        GrafanaExport export = GrafanaExport.of(files);
        ConfigDraft draft = new ConfigDraft(TOOL, options);
        people(export, draft);
        teams(export, draft);
        new GrafanaShifts(export, draft).read();
        chains(export, draft);
        integrations(export, draft);
        return draft;
    }

    private static void people(GrafanaExport export, ConfigDraft draft) {
        Map<String, List<ExportNode>> rules = new TreeMap<>();
        for (ExportNode rule : export.index.all(GrafanaExport.NOTIFICATION_RULE)) {
            rules.computeIfAbsent(rule.text("user_id"), k -> new ArrayList<>()).add(rule);
        }
        for (ExportNode user : export.index.all(GrafanaExport.USER)) {
            String sourceId = user.text("id");
            String email = user.optText("email");
            ConfigDraft.Entry e = draft.newEntry("people", "user", sourceId, user.optText("username"),
                    Names.localPart(email), user.optText("username"));
            ZoneId zone = Drafts.zone(user.optText("timezone"));
            if (zone == null) {
                draft.approximated(e, "time zone '" + user.optText("timezone") + "' is not an IANA name;"
                        + " written as UTC: set the person's own");
                zone = ZoneId.of("UTC");
            }
            List<ContactDraft> contacts = new ArrayList<>();
            ContactDraft mail = email == null ? null : Drafts.email(draft, email, e.ref(), e.anchor());
            if (mail != null) {
                contacts.add(mail);
            }
            String chat = user.items("slack").isEmpty() ? null : user.items("slack").get(0).optText("user_id");
            List<ExportNode> own = new ArrayList<>(rules.getOrDefault(sourceId, List.of()));
            own.sort(Comparator.comparingLong(r -> r.optNumber("position") == null ? 0 : r.number("position")));
            if (own.isEmpty()) {
                draft.approximated(e, "only the account email is known: Grafana OnCall's API exports no phone"
                        + " numbers; add an sms contact if they were paged by SMS or phone call");
            }
            for (ExportNode rule : own) {
                String type = rule.text("type");
                SourceRef ruleRef = new SourceRef("personal notification rule", rule.text("id"), null);
                switch (type) {
                    case "notify_by_email" -> { }
                    case "wait" -> draft.notMapped(ruleRef, e.anchor(), "waits " + rule.optNumber("duration") / 60
                            + " min before the next notification: Firebell sends a page to every contact at once");
                    case "notify_by_sms", "notify_by_phone_call" -> draft.notMapped(ruleRef, e.anchor(), type.substring(10)
                            .replace('_', ' ') + " notifications: the API does not export phone numbers; add an sms"
                            + " contact by hand (SNS has no voice calls)");
                    default -> draft.notMapped(ruleRef, e.anchor(), type.substring(type.indexOf("_by_") + 4).replace('_', ' ')
                            + " notifications: Firebell pages by sms, email, https, sqs or lambda");
                }
            }
            draft.add(new ConfigDraft.PersonDraft(e.name(), user.optText("username"), zone, chat, contacts, e.ref()));
        }
    }

    private static void teams(GrafanaExport export, ConfigDraft draft) {
        for (ExportNode team : export.index.all(GrafanaExport.TEAM)) {
            String id = draft.names().allocate(Names.TEAM, team.text("id"), team.optText("name"));
            Set<String> members = new TreeSet<>();
            for (ExportNode user : export.index.all(GrafanaExport.USER)) {
                if (user.items("teams").stream().anyMatch(t -> t.text().equals(team.text("id")))) {
                    members.add(draft.names().of(Names.PERSON, user.text("id")));
                }
            }
            draft.add(new ConfigDraft.TeamDraft(id, team.optText("name"), new ArrayList<>(members),
                    new SourceRef("team", team.text("id"), team.optText("name"))));
        }
    }

    // ------------------------------------------------------------------ escalation chains

    private static void chains(GrafanaExport export, ConfigDraft draft) {
        Map<String, List<ExportNode>> steps = new TreeMap<>();
        for (ExportNode step : export.index.all(GrafanaExport.STEP)) {
            steps.computeIfAbsent(step.text("escalation_chain_id"), k -> new ArrayList<>()).add(step);
        }
        for (ExportNode chain : export.index.all(GrafanaExport.CHAIN)) {
            String sourceId = chain.text("id");
            ConfigDraft.Entry e = draft.newEntry("escalationPolicies", "escalation chain", sourceId, chain.optText("name"),
                    chain.optText("name"));
            List<ExportNode> own = steps.getOrDefault(sourceId, new ArrayList<>());
            own.sort(Comparator.comparingLong(s -> s.number("position")));
            Levels levels = new Levels(draft, e.ref(), e.anchor());
            List<TargetDraft> targets = new ArrayList<>();
            SourceRef levelRef = null;
            Duration wait = null;
            Duration leadingWait = Duration.ZERO;
            int repeat = 0;
            for (ExportNode step : own) {
                String type = step.text("type");
                SourceRef stepRef = new SourceRef("escalation step", step.text("id"), type);
                if (type.equals("wait")) {
                    Duration d = Duration.ofSeconds(step.optNumber("duration") == null ? 0 : step.number("duration"));
                    if (levelRef == null) {
                        leadingWait = leadingWait.plus(d);
                    } else {
                        wait = wait == null ? d : wait.plus(d);
                    }
                    continue;
                }
                if (type.equals("repeat_escalation")) {
                    repeat = REPEAT_ESCALATION_TIMES;
                    continue;
                }
                if (levelRef != null && wait != null) {
                    levels.add(levelRef, wait, targets);
                    targets = new ArrayList<>();
                    levelRef = null;
                    wait = null;
                }
                levelRef = levelRef == null ? stepRef : levelRef;
                if (step.bool("important", false)) {
                    draft.notMapped(stepRef, e.anchor(), "notifies as 'important' (the people's important notification"
                            + " rules): Firebell has one way to page each person");
                }
                target(draft, step, stepRef, e.anchor(), targets);
            }
            if (levelRef != null) {
                if (wait == null && repeat > 0 && !targets.isEmpty()) {
                    draft.approximated(e, "repeats right after its last step; Firebell waits 1m before the"
                            + " next pass");
                    wait = Duration.ofMinutes(1);
                }
                levels.add(levelRef, wait, targets);
            }
            if (!leadingWait.isZero()) {
                draft.approximated(e, "waits " + leadingWait.toMinutes() + " min before its first"
                        + " notification; Firebell pages the first level at once");
            }
            if (levels.isEmpty()) {
                draft.notMapped(e.ref(), null, "escalation chain '" + chain.optText("name") + "' has no step Firebell can"
                        + " page: not written");
                continue;
            }
            draft.add(new ConfigDraft.PolicyDraft(e.name(), null, repeat, levels.build(), e.ref()));
        }
    }

    private static void target(ConfigDraft draft, ExportNode step, SourceRef stepRef, String anchor,
                               List<TargetDraft> targets) {
        String type = step.text("type");
        switch (type) {
            case "notify_persons" -> {
                for (ExportNode user : step.items("persons_to_notify")) {
                    String person = draft.names().of(Names.PERSON, user.text());
                    if (person == null) {
                        draft.notMapped(stepRef, anchor, "notifies user " + user.text() + ", who is not in the export");
                    } else if (!targets.contains(new TargetDraft("person", person))) {
                        targets.add(new TargetDraft("person", person));
                    }
                }
            }
            case "notify_on_call_from_schedule" -> {
                String schedule = draft.names().of(Names.ROTATION_OR_SCHEDULE, step.optText("notify_on_call_from_schedule"));
                if (schedule != null && draft.schedules().containsKey(schedule)) {
                    targets.add(new TargetDraft("schedule", schedule));
                } else {
                    draft.notMapped(stepRef, anchor, "notifies the on-call of schedule "
                            + step.optText("notify_on_call_from_schedule") + ", which was not imported");
                }
            }
            case "notify_person_next_each_time" -> draft.notMapped(stepRef, anchor, "notifies the next of "
                    + step.items("persons_to_notify_next_each_time").size() + " people each time (round robin):"
                    + " Firebell pages the same targets every time");
            case "notify_team_members" -> draft.notMapped(stepRef, anchor, "notifies the members of team "
                    + (draft.names().of(Names.TEAM, step.optText("team_to_notify")) == null ? step.optText("team_to_notify")
                    : draft.names().of(Names.TEAM, step.optText("team_to_notify"))) + ": Firebell pages people,"
                    + " rotations and schedules, not teams");
            default -> draft.notMapped(stepRef, anchor, stepText(type));
        }
    }

    private static String stepText(String type) {
        return switch (type) {
            case "trigger_webhook" -> "triggers an outgoing webhook: Firebell publishes pages to SNS; subscribe the"
                    + " webhook by hand and page it with snsTarget";
            case "notify_user_group", "notify_whole_channel" -> "notifies a Slack user group or channel: Firebell's chat"
                    + " integration answers commands; page a subscribed endpoint with snsTarget";
            case "resolve" -> "resolves the alert group: Firebell resolves only when the alarm returns to OK or a person"
                    + " resolves";
            case "notify_if_time_from_to", "notify_if_num_alerts_in_window" -> "continues only under a condition ("
                    + type + "): Firebell's levels have no conditions (quiet hours and grouping are per service)";
            default -> "step of type " + type + ": Firebell has no equivalent";
        };
    }

    // ------------------------------------------------------------------ integrations

    private static void integrations(GrafanaExport export, ConfigDraft draft) {
        Map<String, List<ExportNode>> routes = new TreeMap<>();
        for (ExportNode route : export.index.all(GrafanaExport.ROUTE)) {
            routes.computeIfAbsent(route.text("integration_id"), k -> new ArrayList<>()).add(route);
        }
        for (ExportNode integration : export.index.all(GrafanaExport.INTEGRATION)) {
            String sourceId = integration.text("id");
            ConfigDraft.Entry e = draft.newEntry("services", "integration", sourceId, integration.optText("name"),
                    integration.optText("name"));
            draft.notMapped(e, Drafts.integration("the service", integration.optText("type")));
            ExportNode defaultRoute = integration.get("default_route");
            String chainId = defaultRoute.isObject() ? defaultRoute.optText("escalation_chain_id") : null;
            String policy = draft.names().of(Names.POLICY, chainId);
            if (policy == null || !draft.policies().containsKey(policy)) {
                draft.notMapped(e, chainId == null ? "its default route escalates to nobody: the service has"
                        + " no escalation policy" : "its default route's escalation chain " + chainId + " was not"
                        + " imported: Firebell pages the service's pageTarget once instead");
                policy = null;
            }
            String defaultId = defaultRoute.isObject() ? defaultRoute.optText("id") : null;
            for (ExportNode route : routes.getOrDefault(sourceId, List.of())) {
                if (route.text("id").equals(defaultId) || route.bool("is_the_last_route", false)) {
                    continue;
                }
                draft.notMapped(new SourceRef("route", route.text("id"), null), e.anchor(), "sends alerts matching '"
                        + route.optText("routing_regex") + "' to escalation chain " + route.optText("escalation_chain_id")
                        + ": Firebell routes CloudWatch alarms by name, namespace, dimensions, account and region;"
                        + " write a routing rule and a service for them");
            }
            String team = draft.names().of(Names.TEAM, integration.optText("team_id"));
            draft.add(new ConfigDraft.ServiceDraft(e.name(), null, team, policy, null, e.ref()));
        }
    }
}
