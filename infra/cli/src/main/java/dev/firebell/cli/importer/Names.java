package dev.firebell.cli.importer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Firebell names for the source's objects: lower-case letters, digits, '.', '_' and '-' (what the
 * configuration accepts), unique within their section, remembered by source id so that references
 * (a rotation's participants, a policy's targets) find them. Importers allocate in source-id order, so the
 * same export always gives the same names.
 */
public final class Names {

    /** Rotations and schedules share one namespace in Firebell (an override names either). */
    public static final String PERSON = "person";
    public static final String TEAM = "team";
    public static final String ROTATION_OR_SCHEDULE = "source";
    public static final String POLICY = "policy";
    public static final String SERVICE = "service";

    private static final int MAX = 63;

    private final Map<String, Set<String>> taken = new HashMap<>();
    private final Map<String, String> bySourceId = new HashMap<>();

    /** A new unique name from the first candidate that gives any (e.g. an email's local part, then a name). */
    public String allocate(String namespace, String sourceId, String... candidates) {
        String base = null;
        for (String c : candidates) {
            String s = slug(c);
            if (!s.isEmpty()) {
                base = s;
                break;
            }
        }
        if (base == null) {
            base = slug(namespace + "-" + sourceId);
        }
        Set<String> used = taken.computeIfAbsent(namespace, k -> new HashSet<>());
        String name = base;
        for (int n = 2; used.contains(name); n++) {
            String suffix = "-" + n;
            name = trimEnd(base.substring(0, Math.min(base.length(), MAX - suffix.length()))) + suffix;
        }
        used.add(name);
        if (sourceId != null) {
            bySourceId.put(namespace + "\u0000" + sourceId, name);
        }
        return name;
    }

    /** The name given to a source object, or null if it has none (not imported). */
    public String of(String namespace, String sourceId) {
        return sourceId == null ? null : bySourceId.get(namespace + "\u0000" + sourceId);
    }

    /** Lower case, accents dropped, anything else turned into '-', at most 63 characters; may be empty. */
    public static String slug(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        plain = plain.replaceAll("^[^a-z0-9]+", "");
        if (plain.length() > MAX) {
            plain = plain.substring(0, MAX);
        }
        return trimEnd(plain);
    }

    private static String trimEnd(String s) {
        return s.replaceAll("[._-]+$", "");
    }

    /** The part of an email address before '@', or null. */
    public static String localPart(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? null : email.substring(0, at);
    }
}
