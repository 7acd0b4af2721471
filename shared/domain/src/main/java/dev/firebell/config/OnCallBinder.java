package dev.firebell.config;

import dev.firebell.escalation.EscalationLevel;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.maintenance.CronSchedule;
import dev.firebell.maintenance.MaintenanceWindow;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.paging.QuietHours;
import dev.firebell.person.Contact;
import dev.firebell.person.Daytime;
import dev.firebell.person.Person;
import dev.firebell.person.Team;
import dev.firebell.routing.Severity;
import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Restriction;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.schedule.ShiftLength;
import dev.firebell.schedule.WallClock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds the on-call sections (people, teams, rotations, schedules, escalationPolicies, quietHours,
 * maintenance) and checks every cross-reference, reporting each problem at its path.
 */
final class OnCallBinder {

    static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(15);
    static final Duration MIN_ESCALATE_AFTER = Duration.ofMinutes(1);
    static final Duration MAX_ESCALATE_AFTER = Duration.ofDays(7);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-4]):([0-5]\\d)");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:(sqs|lambda):[a-z0-9-]+:\\d{12}:.+");
    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

    /** People, teams, rotations and schedules; problems are collected in the nodes' shared list. */
    OnCallConfig onCall(ConfigNode root) {
        Map<String, Person> people = people(root.get("people"));
        Map<String, Team> teams = teams(root.get("teams"), people);
        Map<String, Rotation> rotations = rotations(root.get("rotations"), people, teams);
        Map<String, Schedule> schedules = schedules(root.get("schedules"), rotations);
        return new OnCallConfig(people, teams, rotations, schedules);
    }

    // ------------------------------------------------------------------ people and teams

    private Map<String, Person> people(ConfigNode node) {
        Map<String, Person> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String id = e.getKey();
            ConfigNode p = e.getValue();
            checkName(p, "person", id);
            p.allowOnly(Set.of("name", "timeZone", "chatUserId", "contacts", "daytime"));
            ZoneId zone = zone(p.get("timeZone"), true);
            List<Contact> contacts = new ArrayList<>();
            for (ConfigNode c : p.get("contacts").items()) {
                Contact contact = contact(c);
                if (contact != null) {
                    contacts.add(contact);
                }
            }
            Daytime daytime = daytime(p.get("daytime"));
            out.put(id, new Person(id, p.get("name").string(id), zone == null ? ZoneId.of("UTC") : zone,
                    p.get("chatUserId").string(null), contacts, daytime));
        }
        return out;
    }

    private Contact contact(ConfigNode c) {
        if (!(c.raw() instanceof Map<?, ?> map) || map.size() != 1) {
            c.problem("a contact is one protocol and its endpoint, e.g. '- sms: \"+33612345678\"' or"
                    + " '- email: alice@example.com' (protocols: sms, email, https, sqs, lambda)");
            return null;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        ConfigNode value = c.get(key);
        Contact.Protocol protocol;
        try {
            protocol = Contact.Protocol.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            value.problem("'" + key + "' is not a contact protocol; use sms, email, https, sqs or lambda");
            return null;
        }
        String endpoint = value.requiredString();
        if (endpoint == null) {
            return null;
        }
        endpoint = endpoint.trim();
        boolean valid = switch (protocol) {
            case SMS -> E164.matcher(endpoint).matches();
            case EMAIL -> EMAIL.matcher(endpoint).matches();
            case HTTPS -> endpoint.startsWith("https://") && endpoint.length() > "https://".length();
            case SQS, LAMBDA -> ARN.matcher(endpoint).matches() && endpoint.contains(":" + protocol.sns() + ":");
        };
        if (!valid) {
            value.problem("'" + endpoint + "' is not a valid " + protocol.sns() + " endpoint: " + switch (protocol) {
                case SMS -> "write the number in E.164 form, e.g. \"+33612345678\" (quoted)";
                case EMAIL -> "write an email address";
                case HTTPS -> "write an https:// URL";
                case SQS -> "write a queue ARN (arn:aws:sqs:region:account:name)";
                case LAMBDA -> "write a function ARN (arn:aws:lambda:region:account:function:name)";
            });
            return null;
        }
        return new Contact(protocol, endpoint);
    }

    private Map<String, Team> teams(ConfigNode node, Map<String, Person> people) {
        Map<String, Team> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String id = e.getKey();
            ConfigNode t = e.getValue();
            checkName(t, "team", id);
            t.allowOnly(Set.of("name", "members", "chatChannel"));
            List<String> members = new ArrayList<>();
            for (ConfigNode m : t.get("members").items()) {
                String person = m.requiredString();
                if (person != null && checkPerson(m, person, people)) {
                    members.add(person);
                }
            }
            out.put(id, new Team(id, t.get("name").string(id), members, t.get("chatChannel").string(null)));
        }
        return out;
    }

    // ------------------------------------------------------------------ rotations and schedules

    private Map<String, Rotation> rotations(ConfigNode node, Map<String, Person> people, Map<String, Team> teams) {
        Map<String, Rotation> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String name = e.getKey();
            ConfigNode r = e.getValue();
            checkName(r, "rotation", name);
            r.allowOnly(Set.of("team", "description", "participants", "shift", "handoff", "timeZone", "start"));
            String team = r.get("team").string(null);
            if (team != null && !teams.containsKey(team)) {
                r.get("team").problem("'" + team + "' is not a team declared under teams" + known(teams.keySet()));
            }
            List<String> participants = new ArrayList<>();
            ConfigNode list = r.get("participants");
            if (list.isMissing() || (list.raw() instanceof List<?> l && l.isEmpty())) {
                list.problem("is required: list the people who take turns, in order");
            }
            for (ConfigNode p : list.items()) {
                String person = p.requiredString();
                if (person != null && checkPerson(p, person, people)) {
                    participants.add(person);
                }
            }
            ShiftLength shift = r.get("shift").isMissing() ? null : r.get("shift").parse(ShiftLength::parse, null);
            if (r.get("shift").isMissing()) {
                r.get("shift").problem("is required: hourly, daily, weekly, or a length such as 12h, 3d, 2w");
            }
            LocalTime handoff = time(r.get("handoff"), LocalTime.of(9, 0));
            ZoneId zone = zone(r.get("timeZone"), true);
            LocalDate start = date(r.get("start"));
            if (!participants.isEmpty() && shift != null && handoff != null && zone != null && start != null) {
                out.put(name, new Rotation(name, participants, shift, handoff, zone, start));
            }
        }
        return out;
    }

    private Map<String, Schedule> schedules(ConfigNode node, Map<String, Rotation> rotations) {
        Map<String, Schedule> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String name = e.getKey();
            ConfigNode s = e.getValue();
            checkName(s, "schedule", name);
            s.allowOnly(Set.of("team", "description", "timeZone", "layers"));
            if (rotations.containsKey(name)) {
                s.problem("'" + name + "' is also a rotation; rotations and schedules share names (an override"
                        + " names either), so give the schedule another name");
            }
            ZoneId zone = zone(s.get("timeZone"), true);
            List<Layer> layers = new ArrayList<>();
            List<ConfigNode> layerNodes = s.get("layers").items();
            if (layerNodes.isEmpty()) {
                s.get("layers").problem("is required: list at least one layer ('- rotation: <name>')");
            }
            for (int i = 0; i < layerNodes.size(); i++) {
                ConfigNode l = layerNodes.get(i);
                l.allowOnly(Set.of("rotation", "restrictions"));
                String rotation = l.get("rotation").requiredString();
                if (rotation != null && !rotations.containsKey(rotation)) {
                    l.get("rotation").problem("'" + rotation + "' is not a rotation declared under rotations"
                            + known(rotations.keySet()));
                }
                List<Restriction> restrictions = new ArrayList<>();
                List<ConfigNode> restrictionNodes = l.get("restrictions").items();
                for (ConfigNode rn : restrictionNodes) {
                    Restriction r = restriction(rn);
                    if (r == null) {
                        continue;
                    }
                    for (int j = 0; j < restrictions.size(); j++) {
                        if (restrictions.get(j).overlaps(r)) {
                            rn.problem("overlaps restriction " + (j + 1) + " of this layer (" + restrictions.get(j)
                                    + " and " + r + "); merge them into one");
                        }
                    }
                    restrictions.add(r);
                }
                layers.add(new Layer(rotation == null ? "" : rotation, restrictions));
            }
            checkShadowedLayers(layerNodes, layers, rotations);
            if (zone != null && !layers.isEmpty()) {
                out.put(name, new Schedule(name, zone, layers));
            }
        }
        return out;
    }

    /** A layer below an unrestricted one that started no later can never be on call: a mistake worth naming. */
    private static void checkShadowedLayers(List<ConfigNode> nodes, List<Layer> layers, Map<String, Rotation> rotations) {
        for (int i = 0; i < layers.size(); i++) {
            Rotation lower = rotations.get(layers.get(i).rotation());
            for (int j = 0; j < i; j++) {
                Rotation upper = rotations.get(layers.get(j).rotation());
                if (lower == null || upper == null || !layers.get(j).unrestricted()) {
                    continue;
                }
                if (!upper.handoff(0).isAfter(lower.handoff(0))) {
                    nodes.get(i).problem("layer " + (i + 1) + " (" + lower.name() + ") is never on call: layer " + (j + 1)
                            + " (" + upper.name() + ") above it has no restrictions and started no later, and the"
                            + " first layer listed that has someone wins; give layer " + (j + 1)
                            + " restrictions or remove layer " + (i + 1));
                    break;
                }
            }
        }
    }

    private Restriction restriction(ConfigNode r) {
        r.allowOnly(Set.of("days", "from", "to"));
        Set<DayOfWeek> days = days(r.get("days"));
        Integer from = minuteOfDay(r.get("from"), false);
        Integer to = minuteOfDay(r.get("to"), true);
        if (days == null || from == null || to == null) {
            return null;
        }
        try {
            return new Restriction(days, from, to);
        } catch (IllegalArgumentException e) {
            r.problem(e.getMessage());
            return null;
        }
    }

    private Set<DayOfWeek> days(ConfigNode node) {
        if (node.isMissing()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        List<String> tokens = new ArrayList<>();
        if (node.raw() instanceof List<?>) {
            for (ConfigNode item : node.items()) {
                String s = item.string(null);
                if (s != null) {
                    tokens.add(s);
                }
            }
        } else {
            String s = node.string("");
            for (String part : s.split(",")) {
                tokens.add(part);
            }
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String raw : tokens) {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            switch (t) {
                case "weekdays" -> out.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                case "weekends" -> out.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                case "everyday", "every day", "daily" -> out.addAll(EnumSet.allOf(DayOfWeek.class));
                default -> {
                    String[] ends = t.split("-", 2);
                    DayOfWeek a = DAY_NAMES.get(ends[0].trim());
                    DayOfWeek b = ends.length == 2 ? DAY_NAMES.get(ends[1].trim()) : a;
                    if (a == null || b == null) {
                        node.problem("'" + raw.trim() + "' is not a day; write mon, tue, wed, thu, fri, sat, sun, a range"
                                + " such as mon-fri, weekdays or weekends");
                        return null;
                    }
                    for (DayOfWeek d = a; ; d = d.plus(1)) {
                        out.add(d);
                        if (d == b) {
                            break;
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) {
            node.problem("names no day");
            return null;
        }
        return out;
    }

    // ------------------------------------------------------------------ escalation policies

    Map<String, EscalationPolicy> policies(ConfigNode node, OnCallConfig onCall) {
        Map<String, EscalationPolicy> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String name = e.getKey();
            ConfigNode p = e.getValue();
            checkName(p, "escalation policy", name);
            p.allowOnly(Set.of("description", "levels", "repeat", "fallback"));
            List<ConfigNode> levelNodes = p.get("levels").items();
            if (levelNodes.isEmpty()) {
                p.get("levels").problem("is required: list at least one level ('- escalateAfter: 10m' with 'targets:')");
            }
            if (levelNodes.size() > EscalationPolicy.MAX_LEVELS) {
                p.get("levels").problem("has " + levelNodes.size() + " levels; at most " + EscalationPolicy.MAX_LEVELS);
            }
            List<EscalationLevel> levels = new ArrayList<>();
            for (ConfigNode l : levelNodes) {
                l.allowOnly(Set.of("escalateAfter", "targets"));
                Duration after = l.get("escalateAfter").duration(DEFAULT_ESCALATE_AFTER);
                if (after.compareTo(MIN_ESCALATE_AFTER) < 0 || after.compareTo(MAX_ESCALATE_AFTER) > 0) {
                    l.get("escalateAfter").problem("must be between 1m and 7d, found " + after);
                }
                List<EscalationTarget> targets = targets(l.get("targets"), onCall, true);
                levels.add(new EscalationLevel(after, targets));
            }
            int repeat = p.get("repeat").integer(0, 0, EscalationPolicy.MAX_REPEAT);
            List<EscalationTarget> fallback = targets(p.get("fallback"), onCall, false);
            if (!levels.isEmpty()) {
                out.put(name, new EscalationPolicy(name, p.get("description").string(null), levels, repeat, fallback));
            }
        }
        return out;
    }

    private List<EscalationTarget> targets(ConfigNode node, OnCallConfig onCall, boolean required) {
        List<EscalationTarget> out = new ArrayList<>();
        List<ConfigNode> items = node.items();
        if (required && items.isEmpty()) {
            node.problem("is required: list who this level pages ('- rotation: <name>', '- schedule: <name>',"
                    + " '- person: <name>' or '- snsTarget: <value>')");
        }
        for (ConfigNode t : items) {
            if (!(t.raw() instanceof Map<?, ?> map) || map.size() != 1) {
                t.problem("a target is one of '- rotation: <name>', '- schedule: <name>', '- person: <name>',"
                        + " '- snsTarget: <value>'");
                continue;
            }
            String key = String.valueOf(map.keySet().iterator().next());
            ConfigNode value = t.get(key);
            String name = value.requiredString();
            if (name == null) {
                continue;
            }
            EscalationTarget.Kind kind = null;
            for (EscalationTarget.Kind k : EscalationTarget.Kind.values()) {
                if (k.key().equals(key)) {
                    kind = k;
                }
            }
            if (kind == null) {
                value.problem("'" + key + "' is not a target kind; use rotation, schedule, person or snsTarget");
                continue;
            }
            boolean exists = switch (kind) {
                case PERSON -> checkPerson(value, name, onCall.people());
                case ROTATION -> require(value, name, onCall.rotations().keySet(), "rotation", "rotations");
                case SCHEDULE -> require(value, name, onCall.schedules().keySet(), "schedule", "schedules");
                case SNS_TARGET -> {
                    if (name.startsWith(Person.TARGET_PREFIX)) {
                        value.problem("'" + name + "' looks like a person's target; write '- person: "
                                + Person.idOfTarget(name) + "' instead");
                        yield false;
                    }
                    yield true;
                }
            };
            if (exists) {
                out.add(new EscalationTarget(kind, name));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ quiet hours and maintenance

    QuietHours quietHours(ConfigNode node) {
        if (node.isMissing()) {
            return QuietHours.NONE;
        }
        node.allowOnly(Set.of("severities", "daytime"));
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (ConfigNode s : node.get("severities").items()) {
            Severity severity = s.parse(Severity::parse, null);
            if (severity != null) {
                severities.add(severity);
            }
        }
        Daytime daytime = daytime(node.get("daytime"));
        return new QuietHours(severities, daytime == null ? QuietHours.NONE.daytime() : daytime);
    }

    List<MaintenanceWindow> maintenance(ConfigNode node, Set<String> services) {
        List<MaintenanceWindow> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.entries().entrySet()) {
            String name = e.getKey();
            ConfigNode m = e.getValue();
            checkName(m, "maintenance window", name);
            m.allowOnly(Set.of("services", "reason", "timeZone", "start", "end", "cron", "duration"));
            Set<String> covered = new LinkedHashSet<>();
            ConfigNode svc = m.get("services");
            if (svc.isMissing()) {
                svc.problem("is required: list the services it silences, or write 'services: all'");
            } else if ("all".equals(svc.raw())) {
                covered = Set.of();
            } else {
                for (ConfigNode s : svc.items()) {
                    String service = s.requiredString();
                    if (service != null && !services.isEmpty() && !services.contains(service)) {
                        s.problem("'" + service + "' is not a service declared under services" + known(services));
                    } else if (service != null) {
                        covered.add(service);
                    }
                }
            }
            ZoneId zone = m.get("timeZone").isMissing() ? ZoneId.of("UTC") : zone(m.get("timeZone"), false);
            boolean oneOff = !m.get("start").isMissing() || !m.get("end").isMissing();
            boolean recurring = !m.get("cron").isMissing() || !m.get("duration").isMissing();
            if (oneOff == recurring) {
                m.problem(oneOff ? "give either start and end (one-off) or cron and duration (recurring), not both"
                        : "give start and end (one-off) or cron and duration (recurring)");
                continue;
            }
            String reason = m.get("reason").string(null);
            if (oneOff) {
                LocalDateTime start = dateTime(m.get("start"));
                LocalDateTime end = dateTime(m.get("end"));
                if (start == null || end == null || zone == null) {
                    continue;
                }
                Duration length = Duration.between(WallClock.instant(start, zone), WallClock.instant(end, zone));
                if (length.isNegative() || length.isZero()) {
                    m.get("end").problem("must be after start (" + start + ")");
                } else if (length.compareTo(MaintenanceWindow.MAX_DURATION) > 0) {
                    m.get("end").problem("a maintenance window lasts at most 7 days; this one lasts " + length.toHours()
                            + " hours");
                } else {
                    out.add(new MaintenanceWindow(name, covered, reason, zone, start, end, null, null));
                }
            } else {
                CronSchedule cron = m.get("cron").isMissing() ? null : m.get("cron").parse(CronSchedule::parse, null);
                if (m.get("cron").isMissing()) {
                    m.get("cron").problem("is required with duration: when each window starts, e.g. '0 2 * * sun'");
                }
                Duration duration = m.get("duration").duration(null);
                if (duration == null && m.get("duration").isMissing()) {
                    m.get("duration").problem("is required with cron: how long each window lasts, e.g. 2h");
                } else if (duration != null && (duration.isNegative() || duration.isZero()
                        || duration.compareTo(MaintenanceWindow.MAX_DURATION) > 0)) {
                    m.get("duration").problem("must be between 1m and 7d, found " + duration);
                    duration = null;
                }
                if (cron != null && duration != null && zone != null) {
                    out.add(new MaintenanceWindow(name, covered, reason, zone, null, null, cron, duration));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ values

    /** A time zone by its IANA name; abbreviations such as EST or CET are ambiguous and refused. */
    static ZoneId zone(ConfigNode node, boolean required) {
        if (node.isMissing()) {
            if (required) {
                node.problem("is required: an IANA time zone such as Europe/Paris, America/New_York or UTC");
            }
            return null;
        }
        String text = node.string("").trim();
        if (!text.contains("/") && !text.equals("UTC")) {
            node.problem("'" + text + "' is not an IANA time zone name; write a region such as Europe/Paris,"
                    + " America/New_York, Asia/Kolkata, or UTC");
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            node.problem("'" + text + "' is not a time zone; write an IANA name such as Europe/Paris or America/New_York");
            return null;
        }
    }

    private static LocalTime time(ConfigNode node, LocalTime fallback) {
        if (node.isMissing()) {
            return fallback;
        }
        Integer minute = minuteOfDay(node, false);
        return minute == null ? null : LocalTime.of(minute / 60, minute % 60);
    }

    /** HH:MM on a 24-hour clock; 24:00 only where {@code endOfDay} allows it. */
    private static Integer minuteOfDay(ConfigNode node, boolean endOfDay) {
        if (node.isMissing()) {
            node.problem("is required: a time such as 09:00");
            return null;
        }
        String text = node.string("").trim();
        Matcher m = CLOCK.matcher(text);
        if (!m.matches()) {
            node.problem("'" + text + "' is not a time; write HH:MM on a 24-hour clock, e.g. \"09:00\"");
            return null;
        }
        int minute = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        if (minute > Restriction.DAY_MINUTES || (minute == Restriction.DAY_MINUTES && !endOfDay)) {
            node.problem("'" + text + "' is not a time of day" + (endOfDay ? " (24:00 is the latest)" : " (00:00 to 23:59)"));
            return null;
        }
        return minute;
    }

    private static Daytime daytime(ConfigNode node) {
        if (node.isMissing()) {
            return null;
        }
        String text = node.string("").trim();
        String[] parts = text.split("\\s*-\\s*");
        Matcher a = parts.length == 2 ? CLOCK.matcher(parts[0]) : null;
        Matcher b = parts.length == 2 ? CLOCK.matcher(parts[1]) : null;
        if (a == null || !a.matches() || !b.matches() || a.group(1).equals("24") || b.group(1).equals("24")) {
            node.problem("'" + text + "' is not a daytime; write from-to on a 24-hour clock, e.g. \"08:00-20:00\"");
            return null;
        }
        LocalTime from = LocalTime.of(Integer.parseInt(a.group(1)), Integer.parseInt(a.group(2)));
        LocalTime to = LocalTime.of(Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)));
        if (!from.isBefore(to)) {
            node.problem("daytime must start before it ends within one day, found " + text);
            return null;
        }
        return new Daytime(from, to);
    }

    private static LocalDate date(ConfigNode node) {
        String text = node.requiredString();
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            node.problem("'" + text + "' is not a date; write YYYY-MM-DD, e.g. 2026-01-05");
            return null;
        }
    }

    private static LocalDateTime dateTime(ConfigNode node) {
        String text = node.requiredString();
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            node.problem("'" + text + "' is not a local date and time; write YYYY-MM-DDTHH:MM, e.g. 2026-12-03T22:00"
                    + " (the window's timeZone applies)");
            return null;
        }
    }

    private static void checkName(ConfigNode at, String what, String name) {
        if (!NAME.matcher(name).matches()) {
            at.problem(what + " name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
    }

    private static boolean checkPerson(ConfigNode at, String person, Map<String, Person> people) {
        return require(at, person, people.keySet(), "person", "people");
    }

    private static boolean require(ConfigNode at, String name, Set<String> known, String what, String section) {
        if (known.contains(name)) {
            return true;
        }
        at.problem("'" + name + "' is not a " + what + " declared under " + section + known(known));
        return false;
    }

    private static String known(Set<String> names) {
        if (names.isEmpty()) {
            return " (none are declared)";
        }
        List<String> sorted = names.stream().sorted().toList();
        return " (declared: " + String.join(", ", sorted.size() > 12 ? sorted.subList(0, 12) : sorted)
                + (sorted.size() > 12 ? ", ..." : "") + ")";
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> out = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            out.put(full, d);
            out.put(full.substring(0, 3), d);
        }
        return Map.copyOf(out);
    }
}
