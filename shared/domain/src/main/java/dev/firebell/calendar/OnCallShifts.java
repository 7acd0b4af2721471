package dev.firebell.calendar;

import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.schedule.Shift;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shifts a calendar or a person's page shows, from the {@link Roster} (overrides and layers included): each
 * stretch one person is on call for one rotation or schedule, with its true start and end (not clipped to the window
 * looked at, so that a shift is the same event whichever day it is read), the override behind it and the hand-offs.
 */
public final class OnCallShifts {

    private static final Duration JUST_BEFORE = Duration.ofMillis(1);
    /** A guard far above any real window (12 weeks of hourly shifts is 2,016). */
    private static final int MAX_SHIFTS = 10_000;

    private final Roster roster;
    private final Roster withoutOverrides;

    public OnCallShifts(Roster roster) {
        this.roster = roster;
        this.withoutOverrides = new Roster(roster.config(), Map.of());
    }

    /** The rotations and schedules whose shifts a subject's feed holds: every one of them for a person. */
    public static Set<String> sources(OnCallConfig config, FeedSubject subject) {
        Set<String> sources = new TreeSet<>();
        switch (subject.kind()) {
            case PERSON -> {
                sources.addAll(config.rotations().keySet());
                sources.addAll(config.schedules().keySet());
            }
            case ROTATION, SCHEDULE -> sources.add(subject.name());
            default -> throw new IllegalStateException("unknown subject " + subject);
        }
        return sources;
    }

    /** Whether the subject exists in this configuration (a feed of a removed person or rotation answers nothing). */
    public static boolean exists(OnCallConfig config, FeedSubject subject) {
        switch (subject.kind()) {
            case PERSON:
                return config.people().containsKey(subject.name());
            case ROTATION:
                return config.rotations().containsKey(subject.name());
            case SCHEDULE:
                return config.schedules().containsKey(subject.name());
            default:
                throw new IllegalStateException("unknown subject " + subject);
        }
    }

    /** The subject's shifts that overlap {@code from} to {@code to}, in order of start (then source). */
    public List<OnCallShift> of(FeedSubject subject, Instant from, Instant to) {
        List<OnCallShift> out = new ArrayList<>();
        for (String source : sources(roster.config(), subject)) {
            for (OnCallShift shift : of(source, from, to)) {
                if (subject.kind() != FeedSubject.Kind.PERSON || shift.person().equals(subject.name())) {
                    out.add(shift);
                }
            }
        }
        out.sort(Comparator.comparing(OnCallShift::start).thenComparing(OnCallShift::source));
        return out;
    }

    /** Every shift (gaps left out) of one rotation or schedule that overlaps {@code from} to {@code to}. */
    public List<OnCallShift> of(String source, Instant from, Instant to) {
        boolean schedule = roster.config().schedules().containsKey(source);
        List<OnCallShift> out = new ArrayList<>();
        Shift shift = roster.shiftAt(source, from);
        while (out.size() < MAX_SHIFTS) {
            if (!shift.isGap()) {
                out.add(describe(source, schedule, shift, from, to));
            }
            if (shift.end() == null || !shift.end().isBefore(to)) {
                break;
            }
            shift = roster.shiftAt(source, shift.end());
        }
        return out;
    }

    private OnCallShift describe(String source, boolean schedule, Shift shift, Instant from, Instant to) {
        boolean openStart = shift.start() == null;
        Instant start = openStart ? from : shift.start();
        Instant end = shift.end() == null ? to : shift.end();
        ShiftOverride override = roster.overrideAt(source, start);
        String covers = null;
        if (override != null) {
            String planned = withoutOverrides.onCallAt(source, start);
            covers = shift.person().equals(planned) ? null : planned;
        }
        String before = openStart ? null : roster.onCallAt(source, start.minus(JUST_BEFORE));
        String after = shift.end() == null ? null : roster.onCallAt(source, shift.end());
        return new OnCallShift(source, schedule, shift.person(), start, end, openStart, override, covers, before, after);
    }
}
