package dev.firebell.cli.importer;

import dev.firebell.cli.importer.ConfigDraft.ContactDraft;
import dev.firebell.cli.importer.ConfigDraft.LayerDraft;
import dev.firebell.cli.importer.ConfigDraft.LevelDraft;
import dev.firebell.cli.importer.ConfigDraft.PersonDraft;
import dev.firebell.cli.importer.ConfigDraft.PolicyDraft;
import dev.firebell.cli.importer.ConfigDraft.RotationDraft;
import dev.firebell.cli.importer.ConfigDraft.ScheduleDraft;
import dev.firebell.cli.importer.ConfigDraft.ServiceDraft;
import dev.firebell.cli.importer.ConfigDraft.TargetDraft;
import dev.firebell.cli.importer.ConfigDraft.TeamDraft;
import dev.firebell.schedule.Restriction;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a draft as configuration YAML in the style of {@code infra/config/firebell.example.yaml}: sections in
 * the documented order, entries sorted by name, each preceded by a comment naming the source object it came
 * from and every finding about it, then the overrides to store as commands. Nothing in it depends on the
 * clock or on the order of the export, so importing the same export twice writes the same file.
 */
public final class DraftYaml {

    private static final String RULE = "# " + "-".repeat(99);
    /** Comments wrap here, like the example file's. */
    private static final int WIDTH = 110;

    private final StringBuilder out = new StringBuilder();
    private final ConfigDraft draft;

    private DraftYaml(ConfigDraft draft) {
        this.draft = draft;
    }

    /**
     * @param review the comparison and the overrides to store, or null on the first pass (before binding)
     */
    public static String render(ConfigDraft draft, ImportReview review) {
        DraftYaml w = new DraftYaml(draft);
        w.header(review);
        w.services();
        w.people();
        w.teams();
        w.rotations();
        w.schedules(review);
        w.policies();
        w.overrides(review);
        return w.out.toString();
    }

    // ------------------------------------------------------------------ header

    private void header(ImportReview review) {
        String tool = draft.tool();
        comment("Firebell configuration imported from " + tool + " by ./firebell import. Review it, then:");
        comment("  ./firebell config validate <this file>");
        comment("  ./firebell config apply    <this file> --table <IncidentsTableName> --page-topic <PageTopicArn>");
        comment("docs/migrate.md says what to check before paging moves over. Each entry names the " + tool
                + " object it");
        comment("comes from. Findings: NOT MAPPED (Firebell has no equivalent: not written), APPROXIMATED (written,");
        comment("but not the same behaviour), LEFT OUT (no effect from the period imported on).");
        comment(draft.people().size() + " people, " + draft.teams().size() + " teams, " + draft.rotations().size()
                + " rotations, " + draft.schedules().size() + " schedules, " + draft.policies().size()
                + " escalation policies, " + draft.services().size() + " services; " + count(Finding.Kind.NOT_MAPPED)
                + " not mapped, " + count(Finding.Kind.APPROXIMATED) + " approximated, " + count(Finding.Kind.LEFT_OUT)
                + " left out.");
        if (review != null && !review.comparisons().isEmpty()) {
            long same = review.comparisons().stream().filter(ShiftComparison.Result::same).count();
            comment("Shifts compared with " + tool + "'s own for " + review.comparisons().size() + " schedule"
                    + (review.comparisons().size() == 1 ? "" : "s") + ": " + same + " the same, "
                    + (review.comparisons().size() - same) + " different (see each schedule).");
        }
        findings(null);
        out.append('\n');
        comment("Which alarms belong to which service is Firebell's own: add routing rules (docs/oncall.md,");
        comment("infra/config/firebell.example.yaml) for the services below.");
        out.append('\n');
    }

    private long count(Finding.Kind kind) {
        return draft.findings().stream().filter(f -> f.kind() == kind).count();
    }

    // ------------------------------------------------------------------ sections

    private void services() {
        section("services", draft.services());
        for (ServiceDraft s : draft.services().values()) {
            boolean empty = s.description() == null && s.team() == null && s.escalationPolicy() == null
                    && s.groupingWindow() == null;
            entry("services", s.name() + (empty ? " {}" : ""), s.source());
            field(4, "description", s.description());
            field(4, "team", s.team());
            field(4, "escalationPolicy", s.escalationPolicy());
            if (s.groupingWindow() != null) {
                line(4, "groupingWindow: " + duration(s.groupingWindow()));
            }
        }
    }

    private void people() {
        section("people", draft.people());
        for (PersonDraft p : draft.people().values()) {
            entry("people", p.id(), p.source());
            field(4, "name", p.name());
            line(4, "timeZone: " + p.timeZone().getId());
            field(4, "chatUserId", p.chatUserId());
            if (!p.contacts().isEmpty()) {
                line(4, "contacts:");
                for (ContactDraft c : p.contacts()) {
                    line(6, "- " + c.protocol() + ": " + ("sms".equals(c.protocol()) ? quoted(c.endpoint())
                            : scalar(c.endpoint())));
                }
            }
        }
    }

    private void teams() {
        section("teams", draft.teams());
        for (TeamDraft t : draft.teams().values()) {
            entry("teams", t.id(), t.source());
            field(4, "name", t.name());
            line(4, "members: " + flowList(t.members()));
        }
    }

    private void rotations() {
        section("rotations", draft.rotations());
        for (RotationDraft r : draft.rotations().values()) {
            entry("rotations", r.name(), r.source());
            field(4, "team", r.team());
            line(4, "participants: " + flowList(r.participants()));
            line(4, "shift: " + r.shift());
            line(4, "handoff: " + quoted(clock(r.handoff())));
            line(4, "timeZone: " + r.zone().getId());
            line(4, "start: " + r.start());
        }
    }

    private void schedules(ImportReview review) {
        section("schedules", draft.schedules());
        for (ScheduleDraft s : draft.schedules().values()) {
            entry("schedules", s.name(), s.source());
            if (review != null) {
                review.comparisons().stream().filter(c -> c.shifts().source().equals(s.name())).forEach(this::compared);
            }
            field(4, "team", s.team());
            line(4, "timeZone: " + s.zone().getId());
            line(4, "layers:");
            for (LayerDraft l : s.layers()) {
                line(6, "- rotation: " + l.rotation());
                if (!l.restrictions().isEmpty()) {
                    line(8, "restrictions:");
                    for (Restriction r : l.restrictions()) {
                        line(10, "- { days: " + days(r.days()) + ", from: " + quoted(Restriction.clock(r.fromMinute()))
                                + ", to: " + quoted(Restriction.clock(r.toMinute())) + " }");
                    }
                }
            }
        }
    }

    private void compared(ShiftComparison.Result c) {
        String what = draft.tool() + "'s " + c.shifts().what();
        if (!c.compared()) {
            line(4, "# Not compared: " + what + " holds no shifts and no period was given (--from, --to).");
        } else if (c.same()) {
            line(4, "# Compared with " + what + " from " + c.from() + " to " + c.to() + ": the same.");
        } else {
            line(4, "# Compared with " + what + " from " + c.from() + " to " + c.to() + ": " + c.differences().size()
                    + " difference" + (c.differences().size() == 1 ? "" : "s") + " (listed by the import).");
        }
    }

    private void policies() {
        section("escalationPolicies", draft.policies());
        for (PolicyDraft p : draft.policies().values()) {
            entry("escalationPolicies", p.name(), p.source());
            field(4, "description", p.description());
            if (p.repeat() > 0) {
                line(4, "repeat: " + p.repeat());
            }
            line(4, "levels:");
            for (LevelDraft l : p.levels()) {
                String first = "- ";
                if (l.escalateAfter() != null) {
                    line(6, first + "escalateAfter: " + duration(l.escalateAfter()));
                    first = "  ";
                }
                line(6, first + "targets:");
                for (TargetDraft t : l.targets()) {
                    line(10, "- " + t.kind() + ": " + t.name());
                }
            }
        }
    }

    private void overrides(ImportReview review) {
        List<OverridePlan.Planned> planned = review == null ? List.of() : review.overrides();
        boolean anyFinding = draft.findings().stream().anyMatch(f -> "overrides".equals(f.anchor()));
        if (planned.isEmpty() && !anyFinding) {
            return;
        }
        out.append('\n').append(RULE).append('\n');
        comment("Overrides from " + draft.tool() + ". Firebell stores overrides (like the ones made from chat) instead of");
        comment("configuring them: after `config apply`, store these with the commands below (times in UTC).");
        findings("overrides");
        for (OverridePlan.Planned p : planned) {
            comment("  ./firebell oncall override " + p.source() + " " + p.person() + " " + duration(p.duration())
                    + " --from " + p.start() + " --reason \"" + draft.tool() + " " + p.ref().toString().replace("\"", "'")
                    + "\" --table <IncidentsTableName>");
        }
    }

    // ------------------------------------------------------------------ pieces

    private void section(String name, Map<String, ?> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (!"services".equals(name)) {
            out.append('\n');
        }
        out.append(name).append(":\n");
    }

    /** The comments about an entry, then its key; {@code key} may carry an inline value ({@code "x {}"}). */
    private void entry(String section, String key, SourceRef source) {
        if (source != null) {
            line(2, "# " + draft.tool() + " " + clean(source.toString()));
        }
        String name = key.endsWith(" {}") ? key.substring(0, key.length() - 3) : key;
        findings(section + "." + name);
        line(2, key.endsWith(" {}") ? name + ": {}" : name + ":");
    }

    private void findings(String anchor) {
        int indent = anchor == null || "overrides".equals(anchor) ? 0 : 2;
        for (Finding f : draft.findings()) {
            if (java.util.Objects.equals(anchor, f.anchor())) {
                String prefix = f.kind().label() + " (" + f.source().kind() + " " + f.source().id() + "): ";
                line(indent, "# " + prefix + clean(f.text()));
            }
        }
    }

    private void field(int indent, String key, String value) {
        if (value != null && !value.isBlank()) {
            line(indent, key + ": " + scalar(value));
        }
    }

    private void comment(String text) {
        line(0, "# " + clean(text));
    }

    /** One line; a comment longer than the example file's lines is wrapped, its continuation indented. */
    private void line(int indent, String text) {
        String pad = " ".repeat(indent);
        if (!text.startsWith("# ") || pad.length() + text.length() <= WIDTH || text.startsWith("#   ./firebell")) {
            out.append(pad).append(text).append('\n');
            return;
        }
        String rest = text.substring(2);
        String prefix = "# ";
        while (pad.length() + prefix.length() + rest.length() > WIDTH) {
            int room = WIDTH - pad.length() - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = rest.indexOf(' ', room);
                if (cut <= 0) {
                    break;
                }
            }
            out.append(pad).append(prefix).append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
            prefix = "#   ";
        }
        out.append(pad).append(prefix).append(rest).append('\n');
    }

    private static String clean(String text) {
        return text.replaceAll("[\\r\\n]+", " ").stripTrailing();
    }

    private static String flowList(List<String> names) {
        return "[" + String.join(", ", names) + "]";
    }

    private static String clock(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    /** A duration as the configuration writes it: {@code 5m}, {@code 2h}, {@code 1d12h}, {@code 0s}. */
    static String duration(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            b.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            b.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            b.append(d.toSecondsPart()).append('s');
        }
        return b.toString();
    }

    /** Days as the configuration writes them: {@code everyday}, {@code mon-fri}, {@code "mon-wed,fri"}. */
    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "everyday";
        }
        EnumSet<DayOfWeek> set = EnumSet.copyOf(days);
        // Start after a day that is not in the set, so that a run across Sunday (fri-mon) stays one run.
        DayOfWeek begin = DayOfWeek.MONDAY;
        while (set.contains(begin.minus(1))) {
            begin = begin.plus(1);
        }
        List<String> runs = new ArrayList<>();
        DayOfWeek d = begin;
        for (int i = 0; i < 7; ) {
            if (!set.contains(d)) {
                d = d.plus(1);
                i++;
                continue;
            }
            DayOfWeek runStart = d;
            int length = 0;
            while (i < 7 && set.contains(d)) {
                length++;
                d = d.plus(1);
                i++;
            }
            DayOfWeek runEnd = d.minus(1);
            runs.add(length == 1 ? abbreviation(runStart) : length == 2
                    ? abbreviation(runStart) + "," + abbreviation(runEnd)
                    : abbreviation(runStart) + "-" + abbreviation(runEnd));
        }
        String text = String.join(",", runs);
        return text.contains(",") ? "\"" + text + "\"" : text;
    }

    private static String abbreviation(DayOfWeek d) {
        return d.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    /** Plain when YAML reads it back as the same string, double-quoted otherwise. */
    static String scalar(String text) {
        DumperOptions plain = new DumperOptions();
        plain.setWidth(Integer.MAX_VALUE);
        plain.setSplitLines(false);
        String dumped = new Yaml(plain).dump(text);
        if (dumped.equals(text + "\n") && !text.contains(": ") && !text.contains(" #") && !text.startsWith("#")) {
            return text;
        }
        return quoted(text);
    }

    static String quoted(String text) {
        DumperOptions quotes = new DumperOptions();
        quotes.setWidth(Integer.MAX_VALUE);
        quotes.setSplitLines(false);
        quotes.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        return new Yaml(quotes).dump(text).strip();
    }
}
