package dev.firebell.function.web;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.wiring.CalendarModule;
import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.answer.PageAnswers;
import dev.firebell.console.ConsoleModule;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.PublicBase;
import java.time.InstantSource;
import javax.inject.Singleton;

/** The web function's own part of the graph: the link, ping and calendar endpoints, and the console. */
@Module(includes = {ConsoleModule.class, CalendarModule.class})
final class WebModule {

    private WebModule() {
    }

    @Provides
    @Singleton
    static LinkEndpoint links(LinkKeys keys, PageAnswers answers, PublicBase base, InstantSource clock) {
        return new LinkEndpoint(keys, answers, base, clock);
    }

    @Provides
    @Singleton
    static PingEndpoint pings(Heartbeats heartbeats) {
        return new PingEndpoint(heartbeats);
    }

    @Provides
    @Singleton
    static CalendarEndpoint calendars(CalendarFeeds feeds) {
        return new CalendarEndpoint(feeds);
    }
}
