package dev.firebell.function.announcer;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Origins;
import dev.firebell.announcement.AnnouncementChannel;
import dev.firebell.announcement.AnnouncementService;
import dev.firebell.announcement.AnnouncementStore;
import dev.firebell.aws.dynamodb.DynamoAnnouncementStore;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.secrets.CachedSecret;
import dev.firebell.chat.ConfiguredPeople;
import dev.firebell.config.ConfigSource;
import dev.firebell.incident.IncidentStore;
import dev.firebell.slack.SlackAnnouncements;
import dev.firebell.slack.SlackWebApi;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The announcer's own part of the graph: the announcement store beside the incidents, the bot token, Slack's Web API
 * ({@code SLACK_API_URL}) and the service that keeps announcements current.
 */
@Module
final class AnnouncerModule {

    private AnnouncerModule() {
    }

    @Provides
    @Singleton
    static InvocationDeadline deadline() {
        return new InvocationDeadline();
    }

    @Provides
    @Singleton
    static AnnouncementStore announcements(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoAnnouncementStore(dynamo, table);
    }

    @Provides
    @Singleton
    static SlackWebApi.Token token(SecretsManagerClient secretsManager, FunctionEnvironment env) {
        // The secret's cache runs on the wall clock, whatever clock announcements run on.
        return new BotToken(new CachedSecret(secretsManager, env.require("SLACK_BOT_TOKEN_SECRET_NAME"),
                BotToken.JSON_FIELD, InstantSource.system()));
    }

    @Provides
    @Singleton
    static SlackWebApi slack(FunctionEnvironment env, SlackWebApi.Token token, InstantSource clock,
                             SlackWebApi.Sleeper sleeper, InvocationDeadline deadline) {
        return new SlackWebApi(env.require("SLACK_API_URL"), token, SlackWebApi.httpClient(), clock, sleeper, deadline);
    }

    /** {@code source} in each message's metadata is the table: one per stack, so stacks never take each other's. */
    @Provides
    @Singleton
    static AnnouncementChannel channel(SlackWebApi slack, @Named("table") String table, InstantSource clock,
                                       Origins origins) {
        return new SlackAnnouncements(slack, table, clock, origins);
    }

    @Provides
    @Singleton
    static AnnouncementService service(IncidentStore incidents, ConfigSource config, AnnouncementStore store,
                                       AnnouncementChannel channel, InstantSource clock) {
        return new AnnouncementService(incidents, config, new ConfiguredPeople(config), store, channel, clock);
    }
}
