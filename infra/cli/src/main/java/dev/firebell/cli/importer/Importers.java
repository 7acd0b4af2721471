package dev.firebell.cli.importer;

import dev.firebell.cli.importer.goalert.GoAlertImporter;
import dev.firebell.cli.importer.grafana.GrafanaOnCallImporter;
import dev.firebell.cli.importer.opsgenie.OpsgenieImporter;
import dev.firebell.cli.importer.pagerduty.PagerDutyImporter;
import java.util.List;
import java.util.stream.Collectors;

/** The tools {@code ./firebell import} moves teams in from. */
public final class Importers {

    private Importers() {
    }

    public static List<Importer> all() {
        return List.of(new PagerDutyImporter(), new OpsgenieImporter(), new GrafanaOnCallImporter(),
                new GoAlertImporter());
    }

    /** The importer named on the command line ({@code pagerduty}, {@code grafana-oncall}...). */
    public static Importer named(String command) {
        for (Importer i : all()) {
            if (i.command().equalsIgnoreCase(command)) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + command + "' is not a tool Firebell imports from; name one of "
                + all().stream().map(Importer::command).collect(Collectors.joining(", ")));
    }
}
