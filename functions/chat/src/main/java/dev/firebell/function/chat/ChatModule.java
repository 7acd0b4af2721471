package dev.firebell.function.chat;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Origins;
import dev.firebell.config.ConfigSource;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.ClockModule;
import dev.firebell.chat.ChatService;
import dev.firebell.chat.ConfiguredPeople;
import dev.firebell.chat.OnCallDesk;
import dev.firebell.chat.OnCallDeskService;
import dev.firebell.chat.PeopleDirectory;
import dev.firebell.chat.PostmortemDrafts;
import dev.firebell.chat.Postmortems;
import dev.firebell.chat.slack.SigningSecrets;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.IncidentCommands;
import dev.firebell.incident.IncidentStore;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.PublicBase;
import dev.firebell.link.SignInLinks;
import dev.firebell.maintenance.MaintenanceCalendar;
import dev.firebell.oncall.OnCallService;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The chat function's own part of the graph: the signing secret (through {@code LinksModule}'s Secrets Manager
 * client), the allowed workspaces, the chat service with its ports, and how deferred commands run.
 *
 * <p>The ports ({@link PeopleDirectory}, {@link OnCallDesk}, {@link Postmortems}) are wired to the on-call and
 * postmortem features; {@link ChatOverrides} replaces them for the local server, benchmarks and tests.
 */
@Module
final class ChatModule {

    private static final Pattern WORKSPACE = Pattern.compile("[TE][A-Z0-9]{2,20}");

    private ChatModule() {
    }

    /** {@link ClockModule}'s: Slack signs requests with the real time, so signatures and replays are checked on it. */
    @Provides
    @Singleton
    @Named("wall")
    static InstantSource wallClock() {
        return ClockModule.clock();
    }

    /** What commands run on (incidents, on-call, maintenance): the wall clock, unless overridden ({@code serve --at}). */
    @Provides
    @Singleton
    static InstantSource clock(ChatOverrides overrides, @Named("wall") InstantSource wall) {
        return overrides.clock().orElse(wall);
    }

    @Provides
    @Singleton
    static SigningSecrets signingSecrets(SecretsManagerClient secretsManager, FunctionEnvironment env,
                                         @Named("wall") InstantSource clock) {
        return new SecretsManagerSigningSecrets(secretsManager, env.require("SLACK_SIGNING_SECRET_NAME"), clock);
    }

    /** {@code CHAT_JOB_TOPIC_ARN}: where deferred commands are published, and the only topic whose jobs run. */
    @Provides
    @Singleton
    static ChatJobs jobs(FunctionEnvironment env) {
        return new ChatJobs(env.require("CHAT_JOB_TOPIC_ARN"), env.optional("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"));
    }

    /**
     * {@code SLACK_TEAM_IDS}: comma-separated team ({@code T...}) or Enterprise Grid ({@code E...}) ids, or
     * {@code none}. Anything else is no workspace (the template's AllowedPattern stops it before deployment): a
     * request from it is refused and logged, never let in.
     */
    @Provides
    @Singleton
    @Named("allowedWorkspaces")
    static Set<String> allowedWorkspaces(FunctionEnvironment env) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : env.require("SLACK_TEAM_IDS").split(",")) {
            String trimmed = id.strip();
            if (WORKSPACE.matcher(trimmed).matches()) {
                ids.add(trimmed);
            }
        }
        return ids;
    }

    /** The people of the on-call configuration. */
    @Provides
    static PeopleDirectory people(ChatOverrides overrides, ConfigSource config) {
        return overrides.people().orElseGet(() -> new ConfiguredPeople(config));
    }

    /** Rotations, overrides, maintenance windows and escalation of the on-call feature. */
    @Provides
    static OnCallDesk onCall(ChatOverrides overrides, ConfigSource config, OnCallService onCall,
                             MaintenanceCalendar maintenance, EscalationEngine escalation) {
        return overrides.onCall().orElseGet(() -> new OnCallDeskService(config, onCall, maintenance, escalation));
    }

    /** Where the postmortem feature keeps each incident's draft. */
    @Provides
    static Postmortems postmortems(ChatOverrides overrides, IncidentStore store, FunctionEnvironment env) {
        String bucket = env.require("POSTMORTEM_BUCKET");
        return overrides.postmortems().orElseGet(() -> new PostmortemDrafts(store, bucket));
    }

    @Provides
    @Singleton
    static ChatService chat(IncidentCommands commands, IncidentStore store, ConfigSource config,
                            PeopleDirectory people, OnCallDesk onCall, Postmortems postmortems, InstantSource clock,
                            Origins origins, LinkKeys keys, PublicBase base) {
        // Console sign-in links run on the commands' clock, as the web function served beside it does (serve --at).
        return new ChatService(commands, store, config, people, onCall, postmortems, clock, origins,
                new SignInLinks(keys, base::url, clock));
    }

    @Provides
    @Singleton
    static SlackEndpoint.Deferrals deferrals(ChatOverrides overrides, SnsClient sns, ChatJobs jobs) {
        return overrides.deferrals().orElseGet(() -> new SnsJobPublisher(sns, jobs));
    }

    @Provides
    @Singleton
    static SlackEndpoint.ResponseSender responses(ChatOverrides overrides) {
        return overrides.responses().orElseGet(HttpResponseSender::new);
    }

    @Provides
    @Singleton
    static SlackEndpoint.JobLedger ledger(DynamoDbClient dynamo, @Named("table") String table,
                                          @Named("wall") InstantSource clock) {
        return new DynamoJobLedger(dynamo, table, clock);
    }

    @Provides
    @Singleton
    static SlackEndpoint endpoint(SigningSecrets secrets, @Named("wall") InstantSource clock,
                                  @Named("allowedWorkspaces") Set<String> allowed, ChatService chat,
                                  SlackEndpoint.Deferrals deferrals, SlackEndpoint.ResponseSender responses,
                                  SlackEndpoint.JobLedger ledger) {
        return new SlackEndpoint(secrets, clock, allowed, chat, deferrals, responses, ledger);
    }
}
