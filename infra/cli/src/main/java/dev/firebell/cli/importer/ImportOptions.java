package dev.firebell.cli.importer;

import java.time.Instant;

/**
 * What the user said about time: the period to compare shifts over ({@code --from}/{@code --to}). Either may
 * be null; the export's own period is used then. Never the wall clock.
 */
public record ImportOptions(Instant from, Instant to) {

    public static final ImportOptions NONE = new ImportOptions(null, null);

    public ImportOptions {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
        }
    }
}
