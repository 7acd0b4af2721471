package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Home;
import dev.firebell.account.Origins;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoEscalationStore;
import dev.firebell.aws.dynamodb.DynamoIncidentStore;
import dev.firebell.aws.dynamodb.DynamoMaintenanceStore;
import dev.firebell.aws.dynamodb.DynamoOnCallChanges;
import dev.firebell.aws.dynamodb.DynamoOverrideStore;
import dev.firebell.aws.dynamodb.DynamoPageOutbox;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.config.ConfigSource;
import dev.firebell.escalation.EscalationStore;
import dev.firebell.incident.IncidentStore;
import dev.firebell.maintenance.MaintenanceStore;
import dev.firebell.oncall.OnCallChanges;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.paging.PageOutbox;
import java.time.Duration;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The table and the stores on it. */
@Module
public final class DynamoDbModule {

    /** Configuration changes reach running functions within this long. */
    static final Duration CONFIG_CACHE = Duration.ofSeconds(30);

    private DynamoDbModule() {
    }

    @Provides
    @Singleton
    static DynamoDbClient dynamoDb(SdkHttpClient http, AwsCredentialsProvider credentials,
                                   ClientOverrideConfiguration overrides) {
        return DynamoDbClient.builder().httpClient(http).credentialsProvider(credentials)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    @Named("table")
    static String tableName(FunctionEnvironment env) {
        return env.require("TABLE_NAME");
    }

    @Provides
    @Singleton
    static DynamoIncidentStore incidentStore(DynamoDbClient dynamo, @Named("table") String table, InstantSource clock,
                                             DynamoConfigStore config) {
        return new DynamoIncidentStore(dynamo, table, clock, config);
    }

    @Provides
    static IncidentStore incidents(DynamoIncidentStore store) {
        return store;
    }

    @Provides
    @Singleton
    static PageOutbox outbox(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoPageOutbox(dynamo, table);
    }

    @Provides
    @Singleton
    static EscalationStore escalations(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoEscalationStore(dynamo, table);
    }

    @Provides
    @Singleton
    static OverrideStore overrides(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoOverrideStore(dynamo, table);
    }

    /** A paging decision's overrides and maintenance windows, read with one Query (ADR 0055). */
    @Provides
    @Singleton
    static OnCallChanges onCallChanges(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoOnCallChanges(dynamo, table);
    }

    @Provides
    @Singleton
    static MaintenanceStore maintenanceWindows(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoMaintenanceStore(dynamo, table);
    }

    @Provides
    @Singleton
    static DynamoConfigStore configStore(DynamoDbClient dynamo, @Named("table") String table, InstantSource clock) {
        return new DynamoConfigStore(dynamo, table, clock, CONFIG_CACHE);
    }

    @Provides
    static ConfigSource config(DynamoConfigStore store) {
        return store;
    }

    /**
     * Where alarms come from: the stack's own account and region, which the template sets for every function (ADR 0112),
     * and the account names of the configuration.
     */
    @Provides
    @Singleton
    static Origins origins(FunctionEnvironment env, ConfigSource config) {
        return new Origins(new Home(env.require("HOME_ACCOUNT_ID"), env.require("HOME_REGION")),
                () -> config.current().accounts());
    }
}
