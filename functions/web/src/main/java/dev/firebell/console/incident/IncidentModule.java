package dev.firebell.console.incident;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.firebell.account.Origins;
import dev.firebell.answer.PageAnswers;
import dev.firebell.config.ConfigSource;
import dev.firebell.console.ConsolePages;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStore;
import java.time.InstantSource;
import javax.inject.Singleton;

/** The console's incident pages, acting through the same services as chat and page links. */
@Module
public final class IncidentModule {

    private IncidentModule() {
    }

    @Provides
    @Singleton
    static IncidentPages incidentPages(IncidentStore store, IncidentCommands commands, PageAnswers answers,
                                       ConfigSource config, Origins origins, InstantSource clock) {
        return new IncidentPages(store, new IncidentActions(commands, answers, clock), config, origins, clock);
    }

    @Provides
    @IntoSet
    static ConsolePages pages(IncidentPages pages) {
        return pages;
    }
}
