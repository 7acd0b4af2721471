package dev.firebell.cli.importer;

import dev.firebell.cli.importer.ConfigDraft.ContactDraft;
import dev.firebell.cli.importer.ConfigDraft.LayerDraft;
import dev.firebell.cli.importer.ConfigDraft.RotationDraft;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.ShiftLength;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What every importer needs to say in Firebell's terms: zones, shift lengths, contacts, delays, layers. */
public final class Drafts {

    /** What the configuration accepts (the binder's own rules, checked here so an odd value is reported, not fatal). */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static final Duration MIN_ESCALATE_AFTER = Duration.ofMinutes(1);
    static final Duration MAX_ESCALATE_AFTER = Duration.ofDays(7);
    public static final int MAX_REPEAT = 9;

    private Drafts() {
    }

    /** An IANA time zone, or null when the text is not one (abbreviations such as EST are not). */
    public static ZoneId zone(String text) {
        if (text == null || (!text.contains("/") && !text.equals("UTC"))) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The zone of a schedule or rotation, or null when it is not an IANA name: then it is reported, not written. */
    public static ZoneId zone(ConfigDraft draft, String text, SourceRef source) {
        ZoneId zone = zone(text);
        if (zone == null) {
            draft.notMapped(source, null, "time zone '" + text + "' is not an IANA name (such as America/New_York;"
                    + " export it without asking for another zone): not written");
        }
        return zone;
    }

    /** A shift of whole days or whole hours, or null when the length is neither (or too long for Firebell). */
    public static ShiftLength shift(Duration length) {
        try {
            if (length.toSeconds() % 86_400 == 0) {
                return new ShiftLength((int) length.toDays(), ShiftLength.Unit.DAYS);
            }
            if (length.toSeconds() % 3_600 == 0) {
                return new ShiftLength((int) length.toHours(), ShiftLength.Unit.HOURS);
            }
        } catch (IllegalArgumentException tooLong) {
            return null;
        }
        return null;
    }

    /**
     * A rotation whose shift 0 (the first participant's) starts at {@code firstHandoff}, on the wall clock of
     * {@code zone}. Seconds are dropped (Firebell hands off on the minute), and said so.
     */
    public static RotationDraft rotation(ConfigDraft draft, String name, String team, List<String> participants,
                                         ShiftLength shift, LocalDateTime firstHandoff, ZoneId zone, SourceRef source,
                                         String anchor) {
        if (firstHandoff.getSecond() != 0 || firstHandoff.getNano() != 0) {
            draft.approximated(source, anchor, "hands off at " + firstHandoff.toLocalTime()
                    + "; Firebell hands off on the minute (" + firstHandoff.toLocalTime().withSecond(0).withNano(0) + ")");
        }
        LocalDateTime start = firstHandoff.withSecond(0).withNano(0);
        return new RotationDraft(name, team, participants, shift, start.toLocalTime(), zone, start.toLocalDate(), source);
    }

    public static LocalDateTime local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone);
    }

    /** An SMS contact, or null (reported) when the number is not E.164. */
    public static ContactDraft sms(ConfigDraft draft, String number, SourceRef source, String anchor) {
        String plain = number == null ? "" : number.replaceAll("[\\s().-]", "");
        if (!plain.startsWith("+")) {
            plain = "+" + plain;
        }
        if (!E164.matcher(plain).matches()) {
            draft.notMapped(source, anchor, "phone number '" + number + "' is not an international (E.164) number"
                    + " Firebell can send SMS to; add it by hand as +<country code><number>");
            return null;
        }
        return new ContactDraft("sms", plain);
    }

    /** An email contact, or null (reported) when it is not an address. */
    public static ContactDraft email(ConfigDraft draft, String address, SourceRef source, String anchor) {
        if (address == null || !EMAIL.matcher(address.trim()).matches()) {
            draft.notMapped(source, anchor, "email address '" + address + "' is not one Firebell can subscribe");
            return null;
        }
        return new ContactDraft("email", address.trim());
    }

    /** A webhook contact: Firebell's https protocol takes only https URLs. */
    public static ContactDraft https(ConfigDraft draft, String url, SourceRef source, String anchor) {
        if (url == null || !url.startsWith("https://") || url.length() <= "https://".length()) {
            draft.notMapped(source, anchor, "webhook '" + url + "' is not an https:// URL; Firebell posts pages only"
                    + " to https endpoints");
            return null;
        }
        return new ContactDraft("https", url);
    }

    /** A level's wait, kept within what Firebell allows (1m..7d), saying so when it is not. */
    public static Duration escalateAfter(ConfigDraft draft, Duration wait, SourceRef source, String anchor) {
        if (wait.compareTo(MIN_ESCALATE_AFTER) < 0) {
            draft.approximated(source, anchor, "waits " + DraftYaml.duration(wait) + " before escalating; Firebell waits"
                    + " at least 1m");
            return MIN_ESCALATE_AFTER;
        }
        if (wait.compareTo(MAX_ESCALATE_AFTER) > 0) {
            draft.approximated(source, anchor, "waits " + DraftYaml.duration(wait) + " before escalating; Firebell waits"
                    + " at most 7d");
            return MAX_ESCALATE_AFTER;
        }
        return wait;
    }

    /** Extra passes through a policy, kept within Firebell's 0..9. */
    public static int repeat(ConfigDraft draft, long repeat, SourceRef source, String anchor) {
        if (repeat > MAX_REPEAT) {
            draft.approximated(source, anchor, "repeats " + repeat + " times; Firebell repeats a policy at most "
                    + MAX_REPEAT + " times");
            return MAX_REPEAT;
        }
        return (int) Math.max(0, repeat);
    }

    /** A layer waiting to be placed in a schedule: its rotation, when it applies, and where it came from. */
    public record PendingLayer(RotationDraft rotation, WeekWindows windows, SourceRef source) {
    }

    /**
     * The layers, in order (first wins), minus those that could never be on call: below an unrestricted layer
     * whose rotation started no later (the configuration refuses those, and the source would never show them).
     */
    public static List<LayerDraft> layers(ConfigDraft draft, List<PendingLayer> pending, String anchor) {
        List<LayerDraft> out = new ArrayList<>();
        List<PendingLayer> kept = new ArrayList<>();
        for (PendingLayer layer : pending) {
            PendingLayer shadow = null;
            Rotation lower = layer.rotation().toRotation();
            for (PendingLayer upper : kept) {
                if (upper.windows().unrestricted() && !upper.rotation().toRotation().handoff(0).isAfter(lower.handoff(0))) {
                    shadow = upper;
                    break;
                }
            }
            if (shadow != null) {
                draft.leftOut(layer.source(), anchor, "never on call: " + shadow.source() + " above it is always on call"
                        + " and started no later");
                continue;
            }
            kept.add(layer);
            draft.add(layer.rotation());
            out.add(new LayerDraft(layer.rotation().name(), layer.windows().restrictions()));
        }
        return out;
    }

    /** What to do about a way alerts reached the source: Firebell takes CloudWatch alarms, routed by its own rules. */
    public static String integration(String reaches, String type) {
        boolean cloudWatch = type != null && type.toLowerCase(java.util.Locale.ROOT).replace("_", "").contains("cloudwatch");
        return "alerts reach " + reaches + " through this " + (type == null ? "" : type + " ") + "integration: "
                + (cloudWatch ? "point those CloudWatch alarms at Firebell and route them to this service with a routing rule"
                : "Firebell takes CloudWatch alarms; route the alarms behind it to this service with a routing rule");
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
