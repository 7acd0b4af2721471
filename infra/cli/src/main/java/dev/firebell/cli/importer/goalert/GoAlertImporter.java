package dev.firebell.cli.importer.goalert;

import dev.firebell.cli.importer.ConfigDraft;
import dev.firebell.cli.importer.ConfigDraft.ContactDraft;
import dev.firebell.cli.importer.ConfigDraft.TargetDraft;
import dev.firebell.cli.importer.Drafts;
import dev.firebell.cli.importer.ExportFile;
import dev.firebell.cli.importer.ExportIndex;
import dev.firebell.cli.importer.ExportNode;
import dev.firebell.cli.importer.ImportException;
import dev.firebell.cli.importer.ImportOptions;
import dev.firebell.cli.importer.Importer;
import dev.firebell.cli.importer.Levels;
import dev.firebell.cli.importer.Names;
import dev.firebell.cli.importer.SourceRef;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GoAlert GraphQL responses (the query in docs/migrate.md, one file or one per page): users with their
 * contact methods, rotations, schedules (rules, temporary schedules, and shifts over the queried period),
 * user overrides, escalation policies and services. GoAlert has no teams.
 */
public final class GoAlertImporter extends Importer.Named {

    static final String TOOL = "GoAlert";
    static final String USERS = "users";
    static final String ROTATIONS = "rotations";
    static final String SCHEDULES = "schedules";
    static final String POLICIES = "escalationPolicies";
    static final String SERVICES = "services";
    static final String OVERRIDES = "userOverrides";
    private static final List<String> CONNECTIONS = List.of(USERS, ROTATIONS, SCHEDULES, POLICIES, SERVICES, OVERRIDES);

    /** Destination types of GoAlert's newer API ({@code dest}), as the older {@code type} names them. */
    private static final Map<String, String> DEST_TYPES = Map.of("builtin-twilio-sms", "SMS",
            "builtin-twilio-voice", "VOICE", "builtin-smtp-email", "EMAIL", "builtin-webhook", "WEBHOOK",
            "builtin-slack-dm", "SLACK_DM");

    public GoAlertImporter() {
        super(TOOL, "goalert",
                "GoAlert GraphQL responses ({\"data\": {...}} holding users, rotations, schedules, escalationPolicies,"
                + " services or userOverrides, from the query in docs/migrate.md)");
    }

    @Override
    public boolean recognises(ExportNode root) {
        ExportNode data = root.get("data");
        if (!data.isObject()) {
            return root.get("errors").isArray() && !root.has("requestId");
        }
        return CONNECTIONS.stream().anyMatch(c -> data.get(c).isObject() && data.get(c).get("nodes").isArray());
    }

    @Override
    public ConfigDraft read(List<ExportFile> files, ImportOptions options) {
        ExportIndex index = new ExportIndex();
        for (ExportFile f : files) {
            List<ExportNode> errors = f.root().items("errors");
            if (!errors.isEmpty()) {
                throw new ImportException(f.path() + ": GoAlert answered with errors instead of data: " + errors.stream()
                        .map(e -> e.optText("message")).collect(Collectors.joining("; ")) + "; fix the query and export"
                        + " again");
            }
            for (String connection : CONNECTIONS) {
                for (ExportNode node : f.root().get("data").get(connection).items("nodes")) {
                    index.put(connection, node.text("id"), node);
                }
            }
        }
        ConfigDraft draft = new ConfigDraft(TOOL, options);
        for (ExportNode user : index.all(USERS)) {
            draft.names().allocate(Names.PERSON, user.text("id"), Names.localPart(user.optText("email")),
                    user.optText("name"));
        }
        GoAlertSchedules schedules = new GoAlertSchedules(index, draft);
        schedules.shifts();
        schedules.rotations();
        people(index, draft);
        schedules.schedules();
        policies(index, draft);
        services(index, draft);
        return draft;
    }

    // ------------------------------------------------------------------ people

    private static void people(ExportIndex index, ConfigDraft draft) {
        // GoAlert keeps no time zone per person: take the first of their rotations' (quiet hours need one).
        List<ExportNode> rotations = new ArrayList<>(index.all(ROTATIONS));
        for (ExportNode user : index.all(USERS)) {
            String sourceId = user.text("id");
            String id = draft.names().of(Names.PERSON, sourceId);
            SourceRef ref = new SourceRef("user", sourceId, user.optText("name"));
            String anchor = "people." + id;
            ExportNode rotation = rotations.stream().filter(r -> r.items("userIDs").stream()
                    .anyMatch(u -> u.text().equals(sourceId)) && Drafts.zone(r.optText("timeZone")) != null)
                    .findFirst().orElse(null);
            ZoneId zone = rotation == null ? ZoneId.of("UTC") : Drafts.zone(rotation.text("timeZone"));
            draft.approximated(ref, anchor, "GoAlert keeps no time zone per person; written as " + zone.getId()
                    + (rotation == null ? "" : " (of rotation " + rotation.optText("name") + ")")
                    + ": set where they live, quiet hours read it");
            Set<ContactDraft> contacts = new LinkedHashSet<>();
            String chat = null;
            for (ExportNode method : user.items("contactMethods")) {
                SourceRef methodRef = new SourceRef("contact method", method.text("id"), method.optText("name"));
                String type = method.optText("type");
                String value = method.optText("value");
                ExportNode dest = method.get("dest");
                if (type == null && dest.isObject()) {
                    type = DEST_TYPES.getOrDefault(dest.text("type"), dest.text("type"));
                    ExportNode args = dest.get("args");
                    for (String key : List.of("phone_number", "email_address", "webhook_url", "slack_user_id")) {
                        value = value != null ? value : args.optText(key);
                    }
                }
                if (method.bool("disabled", false)) {
                    draft.leftOut(methodRef, anchor, type + " " + value + " is disabled in GoAlert");
                    continue;
                }
                ContactDraft contact = null;
                switch (type == null ? "" : type) {
                    case "SMS" -> contact = Drafts.sms(draft, value, methodRef, anchor);
                    case "EMAIL" -> contact = Drafts.email(draft, value, methodRef, anchor);
                    case "WEBHOOK" -> contact = Drafts.https(draft, value, methodRef, anchor);
                    case "SLACK_DM" -> chat = chat == null ? value : chat;
                    case "VOICE" -> draft.notMapped(methodRef, anchor, "voice calls to " + value + ": SNS has no voice"
                            + " calls, Firebell pages by sms, email, https, sqs or lambda; add the number as an sms"
                            + " contact if it takes texts");
                    default -> draft.notMapped(methodRef, anchor, "contact method of type " + type + ": Firebell pages"
                            + " by sms, email, https, sqs or lambda");
                }
                if (contact != null) {
                    contacts.add(contact);
                }
            }
            for (ExportNode rule : user.items("notificationRules")) {
                if (rule.number("delayMinutes") > 0) {
                    String method = user.items("contactMethods").stream()
                            .filter(m -> m.text("id").equals(rule.optText("contactMethodID")))
                            .map(m -> "'" + m.optText("name") + "'").findFirst().orElse(rule.optText("contactMethodID"));
                    draft.notMapped(new SourceRef("notification rule", rule.text("id"), null), anchor, "notifies "
                            + method + " " + rule.number("delayMinutes") + " min after a page; Firebell sends a page to"
                            + " every contact at once");
                }
            }
            draft.add(new ConfigDraft.PersonDraft(id, user.optText("name"), zone, chat, new ArrayList<>(contacts), ref));
        }
    }

    // ------------------------------------------------------------------ escalation policies

    private static void policies(ExportIndex index, ConfigDraft draft) {
        for (ExportNode policy : index.all(POLICIES)) {
            String sourceId = policy.text("id");
            ConfigDraft.Entry e = draft.newEntry("escalationPolicies", "escalation policy", sourceId, policy.optText("name"),
                    policy.optText("name"));
            List<ExportNode> steps = new ArrayList<>(policy.items("steps"));
            steps.sort(Comparator.comparingLong(s -> s.number("stepNumber")));
            Levels levels = new Levels(draft, e.ref(), e.anchor());
            for (ExportNode step : steps) {
                SourceRef stepRef = new SourceRef("escalation step", step.text("id"), "step " + (step.number("stepNumber") + 1));
                if (step.bool("multiAck", false)) {
                    draft.notMapped(stepRef, e.anchor(), "keeps notifying everyone on the step after an acknowledgement:"
                            + " Firebell stops at the first");
                }
                levels.add(stepRef, Duration.ofMinutes(step.number("delayMinutes")), targets(draft, step, stepRef, e.anchor()));
            }
            if (levels.isEmpty()) {
                draft.notMapped(e.ref(), null, "escalation policy '" + policy.optText("name") + "' has no step Firebell can"
                        + " page: not written");
                continue;
            }
            int repeat = Drafts.repeat(draft, policy.number("repeat"), e.ref(), e.anchor());
            draft.add(new ConfigDraft.PolicyDraft(e.name(), Drafts.blankToNull(policy.optText("description")), repeat,
                    levels.build(), e.ref()));
        }
    }

    /** A step's targets, from {@code targets} ({@code {id, type, name}}) or the newer {@code actions} ({@code dest}). */
    private static List<TargetDraft> targets(ConfigDraft draft, ExportNode step, SourceRef stepRef, String anchor) {
        List<String[]> found = new ArrayList<>();
        for (ExportNode t : step.items("targets")) {
            found.add(new String[] {t.text("type"), t.text("id"), t.optText("name")});
        }
        if (found.isEmpty()) {
            for (ExportNode a : step.items("actions")) {
                String type = a.text("type").replace("builtin-", "");
                String id = a.get("args").optText(type + "_id");
                found.add(new String[] {type, id == null ? a.get("args").keys().toString() : id, null});
            }
        }
        List<TargetDraft> out = new ArrayList<>();
        for (String[] t : found) {
            String kind = switch (t[0]) {
                case "user" -> "person";
                case "rotation", "schedule" -> t[0];
                default -> null;
            };
            String namespace = "person".equals(kind) ? Names.PERSON : Names.ROTATION_OR_SCHEDULE;
            String name = kind == null ? null : draft.names().of(namespace, t[1]);
            boolean imported = name != null && ("person".equals(kind) ? draft.people().containsKey(name)
                    : "rotation".equals(kind) ? draft.rotations().containsKey(name) : draft.schedules().containsKey(name));
            if (imported) {
                out.add(new TargetDraft(kind, name));
            } else {
                draft.notMapped(stepRef, anchor, "notifies " + t[0] + " " + t[1] + (t[2] == null ? "" : " (" + t[2] + ")")
                        + (kind == null ? ": Firebell pages people, rotations and schedules (chat channels and webhooks"
                        + " can be reached with snsTarget)" : ", which was not imported"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ services

    private static void services(ExportIndex index, ConfigDraft draft) {
        for (ExportNode service : index.all(SERVICES)) {
            String sourceId = service.text("id");
            ConfigDraft.Entry e = draft.newEntry("services", "service", sourceId, service.optText("name"),
                    service.optText("name"));
            String policy = draft.names().of(Names.POLICY, service.optText("escalationPolicyID"));
            if (policy == null || !draft.policies().containsKey(policy)) {
                draft.notMapped(e, "its escalation policy " + service.optText("escalationPolicyID") + " was not"
                        + " imported: Firebell pages the service's pageTarget once instead");
                policy = null;
            }
            for (ExportNode key : service.items("integrationKeys")) {
                draft.notMapped(new SourceRef("integration key", key.text("id"), key.optText("name")), e.anchor(),
                        Drafts.integration("the service", key.optText("type")));
            }
            for (ExportNode monitor : service.items("heartbeatMonitors")) {
                draft.notMapped(new SourceRef("heartbeat monitor", monitor.text("id"), monitor.optText("name")), e.anchor(),
                        "Firebell has no heartbeat monitors: a CloudWatch alarm on missing data (TreatMissingData:"
                                + " breaching) routed to this service does the same");
            }
            draft.add(new ConfigDraft.ServiceDraft(e.name(), Drafts.blankToNull(service.optText("description")), null, policy, null,
                    e.ref()));
        }
    }

}
