package dev.firebell.console.report;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.firebell.aws.wiring.HistoryModule;
import dev.firebell.console.ConsolePages;
import dev.firebell.metrics.IncidentReports;
import java.time.InstantSource;

/** The reports page, over the month index of incidents and their recorded metrics. */
@Module(includes = HistoryModule.class)
public final class ReportPagesModule {

    private ReportPagesModule() {
    }

    @Provides
    @IntoSet
    static ConsolePages reportPages(IncidentReports reports, InstantSource clock) {
        return new ReportPages(reports, clock);
    }
}
