package dev.firebell.cli;

import dev.firebell.cli.importer.ImportOptions;
import dev.firebell.cli.importer.ImportRun;
import dev.firebell.cli.importer.Importer;
import dev.firebell.cli.importer.Importers;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Moving in: another tool's export (its own API's answers, saved by the user) becomes a Firebell configuration. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn what PagerDuty, Opsgenie, Grafana OnCall or GoAlert exported (the JSON their API returned,"
                + " saved to files) into a Firebell configuration file. Every item that cannot be mapped is listed,"
                + " with its id, and written as a comment; where the tool computed its own shifts, Firebell's are"
                + " compared with them. Nothing is called: the export is read from files (docs/migrate.md).",
                "Exit code 0: everything mapped and the shifts agree; 2: written, with findings to review;"
                        + " 1: nothing written (bad input)."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "pagerduty, opsgenie, grafana-oncall or goalert.")
    String tool;

    @Parameters(index = "1..*", arity = "1..*", description = "Export files, or directories of .json files.")
    List<Path> export;

    @Option(names = {"-o", "--output"}, required = true, description = "The configuration file to write.")
    Path output;

    @Option(names = "--from", description = "Start of the period to compare shifts over (instant, or a date: midnight"
            + " UTC); default: the export's own period.")
    String from;

    @Option(names = "--to", description = "End of the period to compare shifts over; default: the export's own.")
    String to;

    @Override
    public Integer call() {
        Importer importer = Importers.named(tool);
        ImportOptions options = new ImportOptions(instant(from), instant(to));
        ImportRun.Outcome outcome = ImportRun.run(importer, Importers.all(), export, output, options);
        outcome.report().forEach(System.out::println);
        return outcome.clean() ? 0 : 2;
    }

    private static Instant instant(String text) {
        return text == null ? null : OnCallCommand.instant(text, ZoneOffset.UTC);
    }
}
