package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoFeedTokenStore;
import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.calendar.FeedTokenStore;
import dev.firebell.config.ConfigSource;
import dev.firebell.oncall.OnCallService;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Calendar feeds of on-call shifts: their tokens in the table, and the feeds themselves (docs/adr/0123 to 0125). */
@Module
public final class CalendarModule {

    private CalendarModule() {
    }

    @Provides
    @Singleton
    static FeedTokenStore feedTokens(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoFeedTokenStore(dynamo, table);
    }

    @Provides
    @Singleton
    static CalendarFeeds calendarFeeds(ConfigSource config, OnCallService onCall, FeedTokenStore tokens,
                                       InstantSource clock) {
        return new CalendarFeeds(config, onCall, tokens, clock);
    }
}
