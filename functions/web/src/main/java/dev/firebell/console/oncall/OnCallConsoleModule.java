package dev.firebell.console.oncall;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.firebell.config.ConfigSource;
import dev.firebell.console.ConsolePages;
import dev.firebell.oncall.OnCallService;
import java.time.InstantSource;

/** The console's on-call area: who is on call now and next, and the calendars of rotations and schedules. */
@Module
public final class OnCallConsoleModule {

    private OnCallConsoleModule() {
    }

    @Provides
    @IntoSet
    static ConsolePages onCallPage(ConfigSource config, OnCallService onCall, InstantSource clock) {
        return new OnCallPage(config, onCall, clock);
    }

    @Provides
    @IntoSet
    static ConsolePages schedulePages(ConfigSource config, OnCallService onCall, InstantSource clock) {
        return new SchedulePages(config, onCall, clock);
    }
}
