package dev.firebell.cli.importer.pagerduty;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PagerDuty REST API v2 responses: users (with their contact methods), teams, schedules (layers,
 * restrictions, and the final schedule when exported with since/until), overrides, escalation policies
 * and services. Schedules are read by {@link PagerDutySchedules}.
 */
public final class PagerDutyImporter extends Importer.Named {

    static final String TOOL = "PagerDuty";

    public PagerDutyImporter() {
        super(TOOL, "pagerduty",
                "PagerDuty REST API v2 responses (GET /users, /teams, /schedules/{id}, /schedules/{id}/overrides,"
                + " /escalation_policies, /services: objects with a key such as \"users\" or \"schedule\")");
    }

    @Override
    public boolean recognises(ExportNode root) {
        return PagerDutyExport.recognises(root);
    }

    @Override
    public ConfigDraft read(List<ExportFile> files, ImportOptions options) {
        PagerDutyExport export = PagerDutyExport.of(files);
        ConfigDraft draft = new ConfigDraft(TOOL, options);
        Map<String, Set<String>> members = new LinkedHashMap<>();
        people(export, draft, members);
        teams(export, draft, members);
        new PagerDutySchedules(export, draft).read();
        policies(export, draft);
        services(export, draft);
        return draft;
    }

    // ------------------------------------------------------------------ people

    private static void people(PagerDutyExport export, ConfigDraft draft, Map<String, Set<String>> members) {
        for (ExportNode user : export.index.all(PagerDutyExport.USER)) {
            String sourceId = user.text("id");
            String email = user.optText("email");
            ConfigDraft.Entry e = draft.newEntry("people", "user", sourceId, user.optText("name"),
                    Names.localPart(email), user.optText("name"));
            ZoneId zone = Drafts.zone(user.optText("time_zone"));
            if (zone == null) {
                draft.approximated(e, "time zone '" + user.optText("time_zone") + "' is not an IANA name"
                        + " (PagerDuty uses the account's then); written as UTC: set the person's own");
                zone = ZoneId.of("UTC");
            }
            List<ContactDraft> contacts = contacts(export, draft, user, e.ref(), e.anchor());
            notificationRules(export, draft, user, e.ref(), e.anchor());
            for (ExportNode team : user.items("teams")) {
                members.computeIfAbsent(team.text("id"), k -> new TreeSet<>()).add(e.name());
            }
            draft.add(new ConfigDraft.PersonDraft(e.name(), user.optText("name"), zone, null, contacts, e.ref()));
        }
    }

    private static List<ContactDraft> contacts(PagerDutyExport export, ConfigDraft draft, ExportNode user,
                                               SourceRef ref, String anchor) {
        List<ExportNode> methods = new ArrayList<>(export.owned("contact_methods", user.text("id")));
        if (methods.isEmpty()) {
            methods.addAll(user.items("contact_methods"));
        }
        Set<ContactDraft> out = new LinkedHashSet<>();
        boolean references = false;
        for (ExportNode m : methods) {
            String type = m.text("type");
            if (type.endsWith("_reference")) {
                references = true;
                continue;
            }
            String label = m.optText("label");
            String address = m.optText("address");
            ContactDraft contact = switch (type) {
                case "email_contact_method" -> Drafts.email(draft, address, ref, anchor);
                case "sms_contact_method" -> Drafts.sms(draft, "+" + m.optNumber("country_code") + address, ref, anchor);
                default -> {
                    draft.notMapped(ref, anchor, unpageable(type, m.optNumber("country_code"), address, label));
                    yield null;
                }
            };
            if (contact != null) {
                out.add(contact);
            }
        }
        if (references) {
            draft.notMapped(ref, anchor, "contact methods were exported as references only, without addresses:"
                    + " export users with include[]=contact_methods");
        }
        return new ArrayList<>(out);
    }

    private static String unpageable(String type, Long countryCode, String address, String label) {
        String where = (label == null ? "" : "'" + label + "' ") + (countryCode == null ? "" : "+" + countryCode + " ")
                + (address == null ? "" : address);
        return switch (type) {
            case "phone_contact_method" -> "voice calls to " + where + ": SNS has no voice calls, Firebell pages by sms,"
                    + " email, https, sqs or lambda; add the number as an sms contact if it takes texts";
            case "push_notification_contact_method" -> "push notifications to the PagerDuty app " + where
                    + ": Firebell pages by sms, email, https, sqs or lambda";
            case "whatsapp_contact_method" -> "WhatsApp messages to " + where + ": Firebell pages by sms, email, https,"
                    + " sqs or lambda";
            default -> "contact method of type " + type + " (" + where + "): Firebell pages by sms, email, https, sqs or"
                    + " lambda";
        };
    }

    private static void notificationRules(PagerDutyExport export, ConfigDraft draft, ExportNode user, SourceRef ref,
                                          String anchor) {
        List<ExportNode> rules = new ArrayList<>(export.owned("notification_rules", user.text("id")));
        if (rules.isEmpty()) {
            rules.addAll(user.items("notification_rules"));
        }
        for (ExportNode rule : rules) {
            Long delay = rule.optNumber("start_delay_in_minutes");
            if (delay != null && delay > 0) {
                String via = rule.get("contact_method").isObject() ? rule.get("contact_method").optText("summary") : null;
                draft.notMapped(ref, anchor, "notification rule " + rule.optText("id") + " notifies "
                        + (via == null ? "a contact" : "'" + via + "'") + " " + delay + " min after a "
                        + rule.optText("urgency") + "-urgency incident is assigned; Firebell sends a page to every"
                        + " contact at once (escalation levels add the delays)");
            }
        }
    }

    // ------------------------------------------------------------------ teams

    private static void teams(PagerDutyExport export, ConfigDraft draft, Map<String, Set<String>> members) {
        Map<String, String> names = new java.util.TreeMap<>();
        for (ExportNode team : export.index.all(PagerDutyExport.TEAM)) {
            names.put(team.text("id"), team.optText("name"));
        }
        for (ExportNode user : export.index.all(PagerDutyExport.USER)) {
            for (ExportNode team : user.items("teams")) {
                names.putIfAbsent(team.text("id"), team.optText("summary"));
            }
        }
        for (Map.Entry<String, String> e : names.entrySet()) {
            String id = draft.names().allocate(Names.TEAM, e.getKey(), e.getValue());
            Set<String> people = new TreeSet<>(members.getOrDefault(e.getKey(), Set.of()));
            for (ExportNode member : export.owned("members", e.getKey())) {
                String person = draft.names().of(Names.PERSON, member.get("user").text("id"));
                if (person != null) {
                    people.add(person);
                }
            }
            draft.add(new ConfigDraft.TeamDraft(id, e.getValue(), new ArrayList<>(people),
                    new SourceRef("team", e.getKey(), e.getValue())));
        }
    }

    // ------------------------------------------------------------------ escalation policies

    private static void policies(PagerDutyExport export, ConfigDraft draft) {
        for (ExportNode policy : export.index.all(PagerDutyExport.POLICY)) {
            String sourceId = policy.text("id");
            ConfigDraft.Entry e = draft.newEntry("escalationPolicies", "escalation policy", sourceId, policy.optText("name"),
                    policy.optText("name"));
            Levels levels = new Levels(draft, e.ref(), e.anchor());
            for (ExportNode rule : policy.items("escalation_rules")) {
                SourceRef ruleRef = new SourceRef("escalation rule", rule.optText("id") == null ? sourceId
                        : rule.optText("id"), null);
                levels.add(ruleRef, Duration.ofMinutes(rule.number("escalation_delay_in_minutes")),
                        targets(draft, rule, ruleRef, e.anchor()));
            }
            String handoff = policy.optText("on_call_handoff_notifications");
            if (handoff != null) {
                draft.notMapped(e, "on-call hand-off notifications (" + handoff + "): Firebell does not tell"
                        + " people when their shift starts");
            }
            if (levels.isEmpty()) {
                draft.notMapped(e.ref(), null, "escalation policy '" + policy.optText("name") + "' has no level Firebell can"
                        + " page: not written");
                continue;
            }
            int repeat = Drafts.repeat(draft, policy.optNumber("num_loops") == null ? 0 : policy.number("num_loops"),
                    e.ref(), e.anchor());
            draft.add(new ConfigDraft.PolicyDraft(e.name(), policy.optText("description"), repeat, levels.build(), e.ref()));
        }
    }

    private static List<TargetDraft> targets(ConfigDraft draft, ExportNode rule, SourceRef ruleRef, String anchor) {
        ExportNode strategy = rule.get("escalation_rule_assignment_strategy");
        String how = strategy.isArray() && !strategy.items().isEmpty() ? strategy.items().get(0).optText("type")
                : strategy.isObject() ? strategy.optText("type") : strategy.isAbsent() ? null : strategy.text();
        if ("round_robin".equals(how)) {
            draft.notMapped(ruleRef, anchor, "round-robin assignment: Firebell pages every target of a level together");
        }
        List<TargetDraft> out = new ArrayList<>();
        for (ExportNode target : rule.items("targets")) {
            String type = target.text("type");
            String id = target.text("id");
            String summary = target.optText("summary");
            if (type.startsWith("user")) {
                String person = draft.names().of(Names.PERSON, id);
                if (person != null) {
                    out.add(new TargetDraft("person", person));
                } else {
                    draft.notMapped(ruleRef, anchor, "targets user " + id + (summary == null ? "" : " (" + summary + ")")
                            + ", who is not in the export (GET /users)");
                }
            } else if (type.startsWith("schedule") && draft.schedules().containsKey(
                    draft.names().of(Names.ROTATION_OR_SCHEDULE, id))) {
                out.add(new TargetDraft("schedule", draft.names().of(Names.ROTATION_OR_SCHEDULE, id)));
            } else {
                draft.notMapped(ruleRef, anchor, "targets " + type.replace("_reference", "") + " " + id
                        + (summary == null ? "" : " (" + summary + ")") + ", which was not imported");
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ services

    private static void services(PagerDutyExport export, ConfigDraft draft) {
        for (ExportNode service : export.index.all(PagerDutyExport.SERVICE)) {
            String sourceId = service.text("id");
            ConfigDraft.Entry e = draft.newEntry("services", "service", sourceId, service.optText("name"),
                    service.optText("name"));
            String policy = null;
            if (service.get("escalation_policy").isObject()) {
                String policyId = service.get("escalation_policy").text("id");
                policy = draft.names().of(Names.POLICY, policyId);
                if (policy == null || !draft.policies().containsKey(policy)) {
                    draft.notMapped(e, "its escalation policy " + policyId + " was not imported: Firebell"
                            + " pages the service's pageTarget once instead");
                    policy = null;
                }
            }
            String team = service.items("teams").isEmpty() ? null
                    : draft.names().of(Names.TEAM, service.items("teams").get(0).text("id"));
            Duration grouping = ServiceSettings.read(draft, service, e.ref(), e.anchor());
            draft.add(new ConfigDraft.ServiceDraft(e.name(), service.optText("description"), team, policy, grouping, e.ref()));
        }
    }
}
