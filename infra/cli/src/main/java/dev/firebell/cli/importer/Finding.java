package dev.firebell.cli.importer;

/**
 * Something of the source that Firebell does not do the same way, reported on its own line and written as
 * a comment beside what it concerns in the output: nothing is dropped silently.
 *
 * @param anchor where the comment goes in the output ({@code schedules.payments}), or null for the header
 */
public record Finding(Kind kind, SourceRef source, String text, String anchor) {

    public enum Kind {
        /** Firebell has no equivalent: it was not written. */
        NOT_MAPPED("NOT MAPPED"),
        /** Written, but Firebell does not behave exactly the same (the comparison says where it shows). */
        APPROXIMATED("APPROXIMATED"),
        /** Deliberately not imported because it has no effect from the period imported on (ended, in the past). */
        LEFT_OUT("LEFT OUT");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The report line: {@code NOT MAPPED  user PXPGF42 (Alice): phone contact ...}. */
    public String line(String tool) {
        return kind.label() + ": " + tool + " " + source + ": " + text;
    }
}
