package dev.firebell.console;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import dev.firebell.console.incident.IncidentModule;
import dev.firebell.console.oncall.OnCallConsoleModule;
import dev.firebell.console.people.PeopleModule;
import dev.firebell.console.postmortem.PostmortemPagesModule;
import dev.firebell.console.report.ReportPagesModule;
import dev.firebell.console.session.SessionModule;
import java.util.Set;
import javax.inject.Singleton;

/**
 * The console's frame: its areas behind the session rules. Each area's module binds its pages into the set
 * ({@code @Provides @IntoSet ConsolePages}) and is listed here, one per line. {@link SessionModule} binds the sessions.
 */
@Module(includes = {
        SessionModule.class,
        IncidentModule.class,
        OnCallConsoleModule.class,
        PeopleModule.class,
        PostmortemPagesModule.class,
        ReportPagesModule.class
})
public abstract class ConsoleModule {

    private ConsoleModule() {
    }

    @Multibinds
    abstract Set<ConsolePages> areas();

    @Provides
    @Singleton
    static Console console(ConsoleSessions sessions, Set<ConsolePages> areas) {
        return new Console(sessions, areas);
    }
}
