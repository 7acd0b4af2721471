package dev.firebell.oncall;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.schedule.Shift;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The on-call use cases chat and the command line call: who is on call (for a rotation, a schedule or a
 * service), who is next, and "I take this shift" overrides.
 */
public final class OnCallService {

    /** Longer overrides are configuration changes, not cover: change the rotation instead. */
    public static final Duration MAX_OVERRIDE = Duration.ofDays(31);
    /** How far ahead an override may be planned. */
    public static final Duration MAX_LEAD = Duration.ofDays(366);

    private final ConfigSource config;
    private final OverrideStore overrides;
    private final InstantSource clock;

    public OnCallService(ConfigSource config, OverrideStore overrides, InstantSource clock) {
        this.config = config;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** A roster able to answer for these sources (and the rotations behind schedules) from {@code from} on. */
    public Roster roster(Collection<String> sources, Instant from) {
        return roster(config.current(), sources, from);
    }

    public Roster roster(FirebellConfig current, Collection<String> sources, Instant from) {
        Set<String> all = sourcesBehind(current, sources);
        return new Roster(current.onCall(), all.isEmpty() ? java.util.Map.of() : overrides.notEndedBy(all, from));
    }

    /** As {@link #roster(FirebellConfig, Collection, Instant)}, from overrides already read when they cover these sources. */
    public Roster roster(FirebellConfig current, Collection<String> sources, Instant from, OnCallChanges.Changes read) {
        Set<String> all = sourcesBehind(current, sources);
        return read != null && read.covers(all) ? new Roster(current.onCall(), read.overrides())
                : roster(current, sources, from);
    }

    /** The configured rotations and schedules among {@code sources}, with the rotations behind each schedule. */
    public static Set<String> sourcesBehind(FirebellConfig current, Collection<String> sources) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : sources) {
            if (current.onCall().isSource(s)) {
                all.addAll(current.onCall().sourcesBehind(s));
            }
        }
        return all;
    }

    /** The overrides of these sources (rotations behind schedules already included) not ended by {@code from}. */
    public java.util.Map<String, List<ShiftOverride>> overrides(Collection<String> sources, Instant from) {
        return overrides.notEndedBy(sources, from);
    }

    /** One source's answer: who now (and until when), who next (and from when). */
    public record Answer(String source, Shift now, Shift next, ShiftOverride override) {
    }

    /**
     * Who is on call for a rotation, a schedule, or a service (the first level of its escalation policy)
     * at {@code at}.
     *
     * @throws IllegalArgumentException naming what is configured, when {@code name} is none of those
     */
    public List<Answer> whoIsOnCall(String name, Instant at) {
        FirebellConfig current = config.current();
        List<String> sources = new ArrayList<>();
        List<String> people = new ArrayList<>();
        if (current.onCall().isSource(name)) {
            sources.add(name);
        } else if (current.services().containsKey(name)) {
            String policyName = current.service(name).escalationPolicy();
            EscalationPolicy policy = policyName == null ? null : current.escalationPolicies().get(policyName);
            if (policy == null) {
                throw new IllegalArgumentException("service " + name + " has no escalation policy; it pages its fixed"
                        + " target '" + current.service(name).pageTarget() + "'");
            }
            for (EscalationTarget target : policy.levels().get(0).targets()) {
                switch (target.kind()) {
                    case ROTATION, SCHEDULE -> sources.add(target.name());
                    case PERSON -> people.add(target.name());
                    default -> {
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("'" + name + "' is not a rotation, schedule or service; rotations: "
                    + String.join(", ", sorted(current.onCall().rotations().keySet())) + "; schedules: "
                    + String.join(", ", sorted(current.onCall().schedules().keySet())) + "; services: "
                    + String.join(", ", sorted(current.services().keySet())));
        }
        Roster roster = roster(current, sources, at);
        List<Answer> answers = new ArrayList<>();
        for (String source : sources) {
            answers.add(new Answer(source, roster.shiftAt(source, at), roster.nextShift(source, at),
                    roster.overrideAt(source, at)));
        }
        for (String person : people) {
            answers.add(new Answer("person " + person, new Shift(person, null, null), null, null));
        }
        return answers;
    }

    /** What an override did, in a sentence for chat. */
    public record OverrideOutcome(ShiftOverride override, String replaced, String message) {
    }

    /**
     * {@code person} takes the shift of {@code source} from {@code start} for {@code duration}: the domain
     * operation behind chat's {@code override <rotation> @user <duration>}. Asking twice for the same
     * cover stores it once.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown source or person, bad duration...); nothing stored
     */
    public OverrideOutcome override(String source, String person, Instant start, Duration duration, String actor,
                                    String reason) {
        FirebellConfig current = config.current();
        Instant now = clock.instant();
        if (!current.onCall().isSource(source)) {
            throw new IllegalArgumentException("'" + source + "' is not a rotation or schedule; known: "
                    + String.join(", ", sorted(union(current.onCall().rotations().keySet(),
                    current.onCall().schedules().keySet()))));
        }
        if (!current.onCall().people().containsKey(person)) {
            throw new IllegalArgumentException("'" + person + "' is not a person in the configuration");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("an override needs a positive duration, such as 2h or 1d");
        }
        if (duration.compareTo(MAX_OVERRIDE) > 0) {
            throw new IllegalArgumentException("an override lasts at most " + MAX_OVERRIDE.toDays()
                    + " days; for longer, change the rotation");
        }
        Instant from = start == null ? now : start;
        Instant end = from.plus(duration);
        if (!end.isAfter(now)) {
            throw new IllegalArgumentException("that override would end at " + end + ", which is already past");
        }
        if (from.isAfter(now.plus(MAX_LEAD))) {
            throw new IllegalArgumentException("an override may start at most a year ahead");
        }
        String replaced = roster(current, List.of(source), from).onCallAt(source, from);
        ShiftOverride override = new ShiftOverride(idOf(source, person, from, end), source, person, from, end,
                actor, now, reason);
        overrides.put(override);
        return new OverrideOutcome(override, replaced, person + " is on call for " + source + " from " + from
                + " until " + end + (replaced != null && !replaced.equals(person) ? " (instead of " + replaced + ")" : ""));
    }

    public boolean cancelOverride(String source, String id) {
        return overrides.remove(source, id);
    }

    /** The same cover asked for twice (a chat retry) is the same override. */
    static String idOf(String source, String person, Instant start, Instant end) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((source + "|" + person + "|" + start + "|" + end).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}
