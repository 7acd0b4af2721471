package dev.firebell.function.chat;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SdkModule;
import dev.firebell.aws.wiring.SecretsModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.chat.ChatService;
import dev.firebell.chat.slack.SigningSecrets;
import dev.firebell.chat.slack.SlackEndpoint;
import dev.firebell.config.ConfigSource;
import java.time.InstantSource;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The chat function's graph: the table and paging topic (declare pages), the signing secret, the endpoint, and the
 * chat jobs topic (deferred commands). Its clocks come from {@link ChatModule}: the wall clock, which commands run on
 * unless {@link ChatOverrides} gives them another.
 */
@Singleton
@Component(modules = {SdkModule.class, DynamoDbModule.class, SnsModule.class, SecretsModule.class, PagingModule.class,
        LinksModule.class,
        ChatModule.class})
interface ChatComponent {

    SlackEndpoint endpoint();

    ChatJobs jobs();

    /** For SnapStart (ADR 0053): priming runs read-only commands through the chat service... */
    ChatService chat();

    ConfigSource config();

    @Named("wall")
    InstantSource wallClock();

    /** ...and after a restore, the signing secret and the credentials are read again. */
    SigningSecrets signingSecrets();

    AwsCredentialsProvider credentials();

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(FunctionEnvironment environment);

        @BindsInstance
        Builder overrides(ChatOverrides overrides);

        ChatComponent build();
    }
}
