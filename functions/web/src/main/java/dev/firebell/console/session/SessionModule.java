package dev.firebell.console.session;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoSessionStore;
import dev.firebell.config.ConfigSource;
import dev.firebell.console.ConsoleSessions;
import dev.firebell.link.LinkKeys;
import dev.firebell.session.SessionStore;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The console's sessions: sealed with the link key, kept in the table. */
@Module
public final class SessionModule {

    private SessionModule() {
    }

    @Provides
    @Singleton
    static SessionStore store(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoSessionStore(dynamo, table);
    }

    @Provides
    @Singleton
    static ConsoleSessions sessions(LinkKeys keys, SessionStore store, ConfigSource config, InstantSource clock) {
        return new SignedSessions(keys, store, config, clock);
    }
}
