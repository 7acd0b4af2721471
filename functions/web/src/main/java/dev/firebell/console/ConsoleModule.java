package dev.firebell.console;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import dev.firebell.web.HttpRequest;
import dev.firebell.web.HttpResponse;
import java.util.Optional;
import java.util.Set;
import javax.inject.Singleton;

/**
 * The console's frame: its areas behind the session rules. Each area's module binds its pages into the set
 * ({@code @Provides @IntoSet ConsolePages}) and is listed here, one per line.
 */
@Module(includes = {
        dev.firebell.console.postmortem.PostmortemPagesModule.class,
        dev.firebell.console.report.ReportPagesModule.class,
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

    /** Until sign-in exists, nobody is signed in: every page answers 401 (closed, never open). */
    @Provides
    @Singleton
    static ConsoleSessions sessions() {
        return new ConsoleSessions() {
            @Override
            public Optional<Session> session(HttpRequest request) {
                return Optional.empty();
            }

            @Override
            public boolean handles(String path) {
                return false;
            }

            @Override
            public HttpResponse handle(HttpRequest request) {
                throw new IllegalStateException("no sign-in path exists yet");
            }
        };
    }
}
