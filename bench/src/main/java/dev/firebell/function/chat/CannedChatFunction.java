package dev.firebell.function.chat;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SecretsModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.bench.latency.CannedSdkModule;
import java.time.InstantSource;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The chat function as {@link ChatComponent} wires it (same modules, no overrides but the commands' clock: signing
 * secret from Secrets Manager, deferred commands published to the chat jobs topic, the once-only ledger in the table), except
 * that {@code SdkModule} is {@link CannedSdkModule} and the SDK's HTTP client is handed in. Benchmarks only: it lives
 * in the function's package because {@link ChatModule} and the handler's graph constructor are package-private, and
 * the bench runs on a plain class path (no modules), where a package may span jars.
 */
public final class CannedChatFunction {

    private CannedChatFunction() {
    }

    /**
     * The real handler on the production graph, every AWS call answered by {@code http}, its commands on {@code clock}
     * (signatures stay on the wall clock, as in production).
     */
    public static ChatHandler handler(FunctionEnvironment environment, SdkHttpClient http, InstantSource clock) {
        ChatComponent graph = DaggerCannedChatFunction_Graph.builder().http(http).environment(environment)
                .overrides(ChatOverrides.none().clock(clock)).build();
        return new ChatHandler(graph.endpoint(), graph.jobs());
    }

    /** {@link ChatComponent} with the HTTP client handed in. */
    @Singleton
    @Component(modules = {CannedSdkModule.class, DynamoDbModule.class, SnsModule.class, SecretsModule.class,
            PagingModule.class, LinksModule.class, ChatModule.class})
    interface Graph extends ChatComponent {

        @Component.Builder
        interface Builder extends ChatComponent.Builder {
            @BindsInstance
            Builder http(SdkHttpClient http);

            @Override
            Graph build();
        }
    }
}
