package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import javax.inject.Singleton;

/** The wall clock, in milliseconds (what timelines show and keys sort by). Tests replace this module. */
@Module
public final class ClockModule {

    private ClockModule() {
    }

    @Provides
    @Singleton
    public static InstantSource clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
