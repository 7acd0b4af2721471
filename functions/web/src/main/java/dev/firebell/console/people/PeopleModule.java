package dev.firebell.console.people;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.config.ConfigSource;
import dev.firebell.console.ConsolePages;
import dev.firebell.link.PublicBase;
import java.time.InstantSource;

/** People's pages in the console (their shifts and calendar links); the calendar feeds come from CalendarModule. */
@Module
public final class PeopleModule {

    private PeopleModule() {
    }

    @Provides
    @IntoSet
    static ConsolePages people(ConfigSource config, CalendarFeeds feeds, PublicBase base, InstantSource clock) {
        return new PeoplePages(config, feeds, base, clock);
    }
}
