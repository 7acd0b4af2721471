package dev.firebell.cli.importer;

import dev.firebell.schedule.Restriction;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.ShiftLength;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an importer found, in Firebell's terms: the configuration to write (people, teams, rotations,
 * schedules, escalation policies, services), the overrides to store after applying it, the shifts the
 * source computed itself (to compare with Firebell's), and every finding. Sections are kept sorted by name,
 * so the output does not depend on the order of the export.
 */
public final class ConfigDraft {

    private final String tool;
    private final ImportOptions options;
    private final Names names = new Names();
    private final Map<String, PersonDraft> people = new TreeMap<>();
    private final Map<String, TeamDraft> teams = new TreeMap<>();
    private final Map<String, RotationDraft> rotations = new TreeMap<>();
    private final Map<String, ScheduleDraft> schedules = new TreeMap<>();
    private final Map<String, PolicyDraft> policies = new TreeMap<>();
    private final Map<String, ServiceDraft> services = new TreeMap<>();
    private final List<OverrideDraft> overrides = new ArrayList<>();
    private final Map<String, SourceShifts> sourceShifts = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();

    public ConfigDraft(String tool, ImportOptions options) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The source tool's name as users know it ("PagerDuty"). */
    public String tool() {
        return tool;
    }

    public ImportOptions options() {
        return options;
    }

    public Names names() {
        return names;
    }

    // ------------------------------------------------------------------ what importers add

    /** An entry of the output: its name, the source object it comes from, and where findings about it go. */
    public record Entry(String name, SourceRef ref, String anchor) {
    }

    private static final Map<String, String> NAMESPACES = Map.of("people", Names.PERSON, "teams", Names.TEAM,
            "rotations", Names.ROTATION_OR_SCHEDULE, "schedules", Names.ROTATION_OR_SCHEDULE,
            "escalationPolicies", Names.POLICY, "services", Names.SERVICE);

    /**
     * A new entry of {@code section} for a source object, named after the first candidate that gives a name.
     *
     * @param kind what the object is in the source tool's words ("user", "escalation chain")
     */
    public Entry newEntry(String section, String kind, String sourceId, String label, String... candidates) {
        String name = names.allocate(NAMESPACES.get(section), sourceId, candidates);
        return new Entry(name, new SourceRef(kind, sourceId, label), section + "." + name);
    }

    /** The entry of {@code section} already named for a source object. */
    public Entry entry(String section, String kind, String sourceId, String label) {
        String name = names.of(NAMESPACES.get(section), sourceId);
        return new Entry(name, new SourceRef(kind, sourceId, label), section + "." + name);
    }

    public void add(PersonDraft p) {
        people.put(p.id(), p);
    }

    public void add(TeamDraft t) {
        teams.put(t.id(), t);
    }

    public void add(RotationDraft r) {
        rotations.put(r.name(), r);
    }

    public void add(ScheduleDraft s) {
        schedules.put(s.name(), s);
    }

    public void add(PolicyDraft p) {
        policies.put(p.name(), p);
    }

    public void add(ServiceDraft s) {
        services.put(s.name(), s);
    }

    public void add(OverrideDraft o) {
        overrides.add(o);
    }

    public void add(SourceShifts s) {
        sourceShifts.put(s.source(), s);
    }

    public void notMapped(SourceRef source, String anchor, String text) {
        findings.add(new Finding(Finding.Kind.NOT_MAPPED, source, text, anchor));
    }

    public void approximated(SourceRef source, String anchor, String text) {
        findings.add(new Finding(Finding.Kind.APPROXIMATED, source, text, anchor));
    }

    public void leftOut(SourceRef source, String anchor, String text) {
        findings.add(new Finding(Finding.Kind.LEFT_OUT, source, text, anchor));
    }

    /** A finding about an entry's own source object, written above the entry. */
    public void notMapped(Entry entry, String text) {
        notMapped(entry.ref(), entry.anchor(), text);
    }

    public void approximated(Entry entry, String text) {
        approximated(entry.ref(), entry.anchor(), text);
    }

    // ------------------------------------------------------------------ what the writer and the comparison read

    public Map<String, PersonDraft> people() {
        return people;
    }

    public Map<String, TeamDraft> teams() {
        return teams;
    }

    public Map<String, RotationDraft> rotations() {
        return rotations;
    }

    public Map<String, ScheduleDraft> schedules() {
        return schedules;
    }

    public Map<String, PolicyDraft> policies() {
        return policies;
    }

    public Map<String, ServiceDraft> services() {
        return services;
    }

    public List<OverrideDraft> overrides() {
        return overrides;
    }

    public Map<String, SourceShifts> sourceShifts() {
        return sourceShifts;
    }

    public List<Finding> findings() {
        return findings;
    }

    /**
     * The instant the import is "as of": {@code --from}, else the start of the earliest period the source
     * computed shifts for (or of its first shift), else null (nothing tells). Layers and overrides that ended before it are left out.
     */
    public Instant reference() {
        if (options.from() != null) {
            return options.from();
        }
        return sourceShifts.values().stream()
                .map(s -> s.from() != null ? s.from()
                        : s.shifts().stream().map(SourceShift::start).min(Instant::compareTo).orElse(null))
                .filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    // ------------------------------------------------------------------ the parts

    /** One way SNS reaches a person: {@code sms}, {@code email}, {@code https}... and its endpoint. */
    public record ContactDraft(String protocol, String endpoint) {
    }

    public record PersonDraft(String id, String name, ZoneId timeZone, String chatUserId, List<ContactDraft> contacts,
                              SourceRef source) {
        public PersonDraft {
            contacts = List.copyOf(contacts);
        }
    }

    public record TeamDraft(String id, String name, List<String> members, SourceRef source) {
        public TeamDraft {
            members = List.copyOf(members);
        }
    }

    public record RotationDraft(String name, String team, List<String> participants, ShiftLength shift,
                                LocalTime handoff, ZoneId zone, LocalDate start, SourceRef source) {
        public RotationDraft {
            participants = List.copyOf(participants);
        }

        /** The domain's rotation, to reason about hand-offs exactly as Firebell will. */
        public Rotation toRotation() {
            return new Rotation(name, participants, shift, handoff, zone, start);
        }
    }

    public record LayerDraft(String rotation, List<Restriction> restrictions) {
        public LayerDraft {
            restrictions = List.copyOf(restrictions);
        }
    }

    public record ScheduleDraft(String name, String team, ZoneId zone, List<LayerDraft> layers, SourceRef source) {
        public ScheduleDraft {
            layers = List.copyOf(layers);
        }
    }

    /** A target of a level: {@code person}, {@code rotation} or {@code schedule}, and its name. */
    public record TargetDraft(String kind, String name) {
    }

    /** @param escalateAfter null for Firebell's default */
    public record LevelDraft(Duration escalateAfter, List<TargetDraft> targets) {
        public LevelDraft {
            targets = List.copyOf(targets);
        }
    }

    public record PolicyDraft(String name, String description, int repeat, List<LevelDraft> levels, SourceRef source) {
        public PolicyDraft {
            levels = List.copyOf(levels);
        }
    }

    /** @param groupingWindow null for Firebell's default */
    public record ServiceDraft(String name, String description, String team, String escalationPolicy,
                               Duration groupingWindow, SourceRef source) {
    }

    /**
     * Someone covers a rotation or schedule from {@code start} to {@code end}. With {@code replacing}, only
     * while that person would be on call (GoAlert's "replace" overrides): the covered stretches are worked out
     * once the configuration is bound.
     */
    public record OverrideDraft(String source, String person, Instant start, Instant end, String replacing,
                                SourceRef ref) {
    }

    /** One shift as the source computed it; {@code person} null when the source named someone not imported. */
    public record SourceShift(String person, String label, Instant start, Instant end) {
    }

    /**
     * The shifts the source computed for one of its schedules (or rotations), now named {@code source} in
     * Firebell, over {@code from}..{@code to} (null when the export does not say).
     *
     * @param what    how the source calls them, for the report ("final schedule", "timeline", "shifts")
     * @param clipped whether the source cut the shifts at the period's bounds (PagerDuty without overflow):
     *                then the span of the shifts is the period; otherwise only the stretch between the first
     *                shift's end and the last one's start is surely complete
     */
    public record SourceShifts(String source, SourceRef ref, String what, Instant from, Instant to, boolean clipped,
                               List<SourceShift> shifts) {
        public SourceShifts {
            shifts = List.copyOf(shifts);
        }
    }
}
