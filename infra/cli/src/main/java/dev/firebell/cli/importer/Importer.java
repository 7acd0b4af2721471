package dev.firebell.cli.importer;

import java.util.List;

/** Turns one tool's export (the JSON its public API returned, saved by the user) into a draft configuration. */
public interface Importer {

    /** The tool's name as users know it: "PagerDuty". */
    String tool();

    /** The tool's name on the command line: {@code ./firebell import pagerduty}. */
    String command();

    /** What the export files should hold, for messages. */
    String expected();

    /** Whether the file is one of the API responses this importer reads (also: "looks like this tool's"). */
    boolean recognises(ExportNode root);

    /**
     * Reads every file (each one {@link #recognises recognised}) into a draft.
     *
     * @throws ImportException when a file does not hold what its kind of response should
     */
    ConfigDraft read(List<ExportFile> files, ImportOptions options);

    /** The names and the description an importer is known by. */
    abstract class Named implements Importer {

        private final String tool;
        private final String command;
        private final String expected;

        protected Named(String tool, String command, String expected) {
            this.tool = tool;
            this.command = command;
            this.expected = expected;
        }

        @Override
        public final String tool() {
            return tool;
        }

        @Override
        public final String command() {
            return command;
        }

        @Override
        public final String expected() {
            return expected;
        }
    }
}
