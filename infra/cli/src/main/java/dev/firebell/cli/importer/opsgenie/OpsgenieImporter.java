package dev.firebell.cli.importer.opsgenie;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Opsgenie REST API v2 responses: users (with contacts), teams (with members and routing rules), schedules
 * (rotations, overrides, and the timeline when exported), escalations and integrations. A team's default
 * routing rule says which escalation its alerts go to: each team with routing rules becomes a service.
 */
public final class OpsgenieImporter extends Importer.Named {

    static final String TOOL = "Opsgenie";

    public OpsgenieImporter() {
        super(TOOL, "opsgenie",
                "Opsgenie REST API v2 responses ({\"data\": ..., \"took\": ..., \"requestId\": ...} from /v2/users,"
                + " /v2/teams, /v2/schedules?expand=rotation, /v2/schedules/{id}/timeline, /v2/escalations...)");
    }

    @Override
    public boolean recognises(ExportNode root) {
        return OpsgenieExport.recognises(root);
    }

    @Override
    public ConfigDraft read(List<ExportFile> files, ImportOptions options) {
        OpsgenieExport export = OpsgenieExport.of(files);
        ConfigDraft draft = new ConfigDraft(TOOL, options);
        people(export, draft);
        teams(export, draft);
        OpsgenieSchedules schedules = new OpsgenieSchedules(export, draft);
        schedules.timelines();
        schedules.schedules();
        escalations(export, draft);
        services(export, draft);
        return draft;
    }

    private static void people(OpsgenieExport export, ConfigDraft draft) {
        for (ExportNode user : export.index.all(OpsgenieExport.USER)) {
            String sourceId = user.text("id");
            ConfigDraft.Entry e = draft.newEntry("people", "user", sourceId, user.optText("fullName"),
                    Names.localPart(user.optText("username")),
                    user.optText("fullName"));
            ZoneId zone = Drafts.zone(user.optText("timeZone"));
            if (zone == null) {
                draft.approximated(e, "time zone '" + user.optText("timeZone") + "' is not an IANA name"
                        + " (Opsgenie uses the account's then); written as UTC: set the person's own");
                zone = ZoneId.of("UTC");
            }
            Set<ContactDraft> contacts = new LinkedHashSet<>();
            if (!user.get("userContacts").isArray()) {
                draft.notMapped(e, "exported without contacts: export GET /v2/users/{id}?expand=contact for"
                        + " each user");
            }
            for (ExportNode c : user.items("userContacts")) {
                String method = c.optText("contactMethod");
                String to = c.optText("to");
                if (!c.bool("enabled", true)) {
                    draft.leftOut(e.ref(), e.anchor(), method + " " + to + " is disabled in Opsgenie");
                    continue;
                }
                ContactDraft contact = switch (method == null ? "" : method) {
                    case "email" -> Drafts.email(draft, to, e.ref(), e.anchor());
                    case "sms" -> Drafts.sms(draft, to, e.ref(), e.anchor());
                    default -> {
                        draft.notMapped(e, ("voice".equals(method) ? "voice calls to " + to + ": SNS has no"
                                + " voice calls" : method + " notifications (" + to + ")") + "; Firebell pages by sms,"
                                + " email, https, sqs or lambda");
                        yield null;
                    }
                };
                if (contact != null) {
                    contacts.add(contact);
                }
            }
            draft.add(new ConfigDraft.PersonDraft(e.name(), user.optText("fullName"), zone, null, new ArrayList<>(contacts),
                    e.ref()));
        }
    }

    private static void teams(OpsgenieExport export, ConfigDraft draft) {
        for (ExportNode team : export.index.all(OpsgenieExport.TEAM)) {
            String id = draft.names().allocate(Names.TEAM, team.text("id"), team.optText("name"));
            Set<String> members = new TreeSet<>();
            for (ExportNode m : team.items("members")) {
                String person = draft.names().of(Names.PERSON, m.get("user").optText("id"));
                if (person != null) {
                    members.add(person);
                }
            }
            draft.add(new ConfigDraft.TeamDraft(id, team.optText("name"), new ArrayList<>(members),
                    new SourceRef("team", team.text("id"), team.optText("name"))));
        }
    }

    // ------------------------------------------------------------------ escalations

    private static void escalations(OpsgenieExport export, ConfigDraft draft) {
        for (ExportNode escalation : export.index.all(OpsgenieExport.ESCALATION)) {
            String sourceId = escalation.text("id");
            ConfigDraft.Entry e = draft.newEntry("escalationPolicies", "escalation", sourceId, escalation.optText("name"),
                    escalation.optText("name"));
            // Opsgenie's delays count from the alert's creation; Firebell's from the level before.
            TreeMap<Long, List<ExportNode>> byDelay = new TreeMap<>();
            for (ExportNode rule : escalation.items("rules")) {
                byDelay.computeIfAbsent(minutes(rule.get("delay")), k -> new ArrayList<>()).add(rule);
            }
            ExportNode repeat = escalation.get("repeat");
            long count = repeat.isObject() && repeat.optNumber("count") != null ? repeat.number("count") : 0;
            long waitInterval = repeat.isObject() && repeat.optNumber("waitInterval") != null
                    ? repeat.number("waitInterval") : 0;
            if (!byDelay.isEmpty() && byDelay.firstKey() > 0) {
                draft.approximated(e, "waits " + byDelay.firstKey() + " min before its first rule; Firebell"
                        + " pages the first level at once");
            }
            Levels levels = new Levels(draft, e.ref(), e.anchor());
            List<Long> delays = new ArrayList<>(byDelay.keySet());
            for (int i = 0; i < delays.size(); i++) {
                Duration wait = i + 1 < delays.size() ? Duration.ofMinutes(delays.get(i + 1) - delays.get(i))
                        : count > 0 && waitInterval > 0 ? Duration.ofMinutes(waitInterval) : null;
                List<TargetDraft> targets = new ArrayList<>();
                SourceRef levelRef = new SourceRef("escalation rule", sourceId + " at " + delays.get(i) + " min", null);
                for (ExportNode rule : byDelay.get(delays.get(i))) {
                    TargetDraft target = target(draft, rule, levelRef, e.anchor());
                    if (target != null && !targets.contains(target)) {
                        targets.add(target);
                    }
                }
                levels.add(levelRef, wait, targets);
            }
            if (repeat.isObject() && (repeat.bool("resetRecipientStates", false) || repeat.bool("closeAlertAfterAll", false))) {
                draft.notMapped(e, "on repeat, " + (repeat.bool("closeAlertAfterAll", false) ? "closes the"
                        + " alert after the last pass" : "resets who has seen the alert") + ": Firebell does not");
            }
            if (levels.isEmpty()) {
                draft.notMapped(e.ref(), null, "escalation '" + escalation.optText("name") + "' has no rule Firebell can"
                        + " page: not written");
                continue;
            }
            draft.add(new ConfigDraft.PolicyDraft(e.name(), Drafts.blankToNull(escalation.optText("description")),
                    Drafts.repeat(draft, count, e.ref(), e.anchor()), levels.build(), e.ref()));
        }
    }

    private static long minutes(ExportNode delay) {
        long amount = delay.number("timeAmount");
        String unit = delay.optText("timeUnit") == null ? "minutes" : delay.text("timeUnit");
        return switch (unit) {
            case "days" -> amount * 24 * 60;
            case "hours" -> amount * 60;
            case "minutes" -> amount;
            case "seconds" -> amount / 60;
            default -> throw delay.get("timeUnit").expected("days, hours, minutes or seconds");
        };
    }

    private static TargetDraft target(ConfigDraft draft, ExportNode rule, SourceRef ref, String anchor) {
        ExportNode recipient = rule.get("recipient");
        String type = recipient.text("type");
        String notify = rule.optText("notifyType") == null ? "default" : rule.text("notifyType");
        String label = type + " " + (recipient.optText("name") != null ? recipient.optText("name")
                : recipient.optText("username") != null ? recipient.optText("username") : recipient.optText("id"));
        if ("if-not-closed".equals(rule.optText("condition"))) {
            draft.approximated(ref, anchor, "notifies " + label + " unless the alert is closed: Firebell stops"
                    + " escalating at the acknowledgement");
        }
        if (!"default".equals(notify) && !"users".equals(notify)) {
            draft.notMapped(ref, anchor, "notifies the " + notify + " of " + label + ": Firebell pages whoever is on call"
                    + " now (or the person)");
            return null;
        }
        if ("user".equals(type)) {
            String person = draft.names().of(Names.PERSON, recipient.optText("id"));
            if (person != null) {
                return new TargetDraft("person", person);
            }
        } else if ("schedule".equals(type)) {
            String schedule = draft.names().of(Names.ROTATION_OR_SCHEDULE, recipient.optText("id"));
            if (schedule != null && draft.schedules().containsKey(schedule)) {
                return new TargetDraft("schedule", schedule);
            }
        }
        draft.notMapped(ref, anchor, "notifies " + label + ("team".equals(type) ? ": Firebell pages people, rotations"
                + " and schedules, not teams" : ", which was not imported"));
        return null;
    }

    // ------------------------------------------------------------------ services

    private static void services(OpsgenieExport export, ConfigDraft draft) {
        Set<String> integrations = new TreeSet<>(export.index.ids(OpsgenieExport.INTEGRATION));
        for (ExportNode team : export.index.all(OpsgenieExport.TEAM)) {
            List<ExportNode> rules = export.routingRules(team.text("id"));
            if (rules.isEmpty()) {
                continue;
            }
            String teamName = draft.names().of(Names.TEAM, team.text("id"));
            ConfigDraft.Entry e = draft.newEntry("services", "team", team.text("id"), team.optText("name"),
                    team.optText("name"));
            String policy = null;
            for (ExportNode rule : rules) {
                SourceRef ruleRef = new SourceRef("routing rule", rule.text("id"), rule.optText("name"));
                if (!rule.bool("isDefault", false)) {
                    draft.notMapped(ruleRef, e.anchor(), "routes some of the team's alerts (by their fields) elsewhere:"
                            + " Firebell routes CloudWatch alarms by name, namespace, dimensions, account and region;"
                            + " write routing rules for them");
                    continue;
                }
                policy = defaultRoute(draft, rule.get("notify"), ruleRef, e.anchor());
            }
            for (ExportNode integration : export.index.all(OpsgenieExport.INTEGRATION)) {
                if (team.text("id").equals(integration.optText("teamId"))) {
                    integrations.remove(integration.text("id"));
                    draft.notMapped(new SourceRef("integration", integration.text("id"), integration.optText("name")),
                            e.anchor(), Drafts.integration("the team", integration.optText("type")));
                }
            }
            draft.add(new ConfigDraft.ServiceDraft(e.name(), Drafts.blankToNull(team.optText("description")), teamName, policy,
                    null, e.ref()));
        }
        for (String id : integrations) {
            ExportNode integration = export.index.get(OpsgenieExport.INTEGRATION, id);
            draft.notMapped(new SourceRef("integration", id, integration.optText("name")), null,
                    Drafts.integration("Opsgenie", integration.optText("type")) + (integration.optText("teamId") == null
                            ? " (no team owns it)" : " (no service was made for its team: export the team's routing rules)"));
        }
    }

    /** The policy a default routing rule's recipient becomes: an escalation's, or a one-level one for a schedule. */
    private static String defaultRoute(ConfigDraft draft, ExportNode notify, SourceRef ruleRef, String anchor) {
        String type = notify.optText("type");
        if ("escalation".equals(type)) {
            String policy = draft.names().of(Names.POLICY, notify.optText("id"));
            if (policy != null && draft.policies().containsKey(policy)) {
                return policy;
            }
        } else if ("schedule".equals(type)) {
            String schedule = draft.names().of(Names.ROTATION_OR_SCHEDULE, notify.optText("id"));
            if (schedule != null && draft.schedules().containsKey(schedule)) {
                String policy = draft.names().allocate(Names.POLICY, "route to " + notify.optText("id"), schedule);
                draft.add(new ConfigDraft.PolicyDraft(policy, "pages schedule " + schedule + ", as the routing rule did",
                        0, List.of(new ConfigDraft.LevelDraft(null, List.of(new TargetDraft("schedule", schedule)))),
                        ruleRef));
                return policy;
            }
        } else if ("none".equals(type)) {
            draft.notMapped(ruleRef, anchor, "notifies nobody: the service has no escalation policy");
            return null;
        }
        draft.notMapped(ruleRef, anchor, "notifies " + type + " " + notify.optText("name") + ", which was not imported");
        return null;
    }

}
