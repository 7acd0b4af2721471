package dev.firebell.routing;

import java.util.Locale;

/** Incident severity, SEV1 (most severe) to SEV5, as in Incident Manager's impact 1-5. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4, SEV5;

    public int level() {
        return ordinal() + 1;
    }

    /** Accepts {@code SEV2}, {@code sev2} or {@code 2}; anything else says what is accepted. */
    public static Severity parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("severity is missing: write SEV1 to SEV5");
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() == 1) {
            v = "SEV" + v;
        }
        try {
            return valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity '" + value + "' is not one of SEV1, SEV2, SEV3, SEV4, SEV5");
        }
    }
}
