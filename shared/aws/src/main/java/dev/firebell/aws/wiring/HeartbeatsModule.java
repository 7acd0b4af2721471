package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.dynamodb.DynamoHeartbeatStore;
import dev.firebell.config.ConfigSource;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.incident.AlarmService;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Heartbeat monitors: their store in the table, and the pings and the expiry check on the alarm path. */
@Module
public final class HeartbeatsModule {

    private HeartbeatsModule() {
    }

    @Provides
    @Singleton
    static HeartbeatStore heartbeatStore(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoHeartbeatStore(dynamo, table);
    }

    @Provides
    @Singleton
    static Heartbeats heartbeats(ConfigSource config, HeartbeatStore store, AlarmService alarms, InstantSource clock) {
        return new Heartbeats(config, store, alarms, clock);
    }
}
