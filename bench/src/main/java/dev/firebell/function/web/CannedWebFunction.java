package dev.firebell.function.web;

import dagger.BindsInstance;
import dagger.Component;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.AnswersModule;
import dev.firebell.aws.wiring.DynamoDbModule;
import dev.firebell.aws.wiring.HeartbeatsModule;
import dev.firebell.aws.wiring.LinksModule;
import dev.firebell.aws.wiring.PagingModule;
import dev.firebell.aws.wiring.SnsModule;
import dev.firebell.bench.latency.CannedSdkModule;
import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.heartbeat.Heartbeats;
import dev.firebell.link.LinkKeys;
import java.time.InstantSource;
import javax.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The web function (the links in pages and heartbeat pings) as {@link WebComponent} wires it, except that {@code SdkModule} is
 * {@link CannedSdkModule} and the SDK's HTTP client is handed in. Benchmarks only: it lives in the function's package
 * because {@link WebModule} and the handler's graph constructor are package-private (as {@code CannedChatFunction}).
 */
public final class CannedWebFunction {

    private CannedWebFunction() {
    }

    /** The real handler on the production graph, every AWS call answered by {@code http}, on {@code clock}. */
    public static WebHandler handler(FunctionEnvironment environment, SdkHttpClient http, InstantSource clock) {
        return served(environment, http, clock).handler();
    }

    /**
     * The real handler, and from the same graph what a console benchmark needs to sign someone in (the link key, as
     * chat and the CLI use it to make sign-in links) and to make a calendar feed's token.
     */
    public static Served served(FunctionEnvironment environment, SdkHttpClient http, InstantSource clock) {
        Graph graph = (Graph) DaggerCannedWebFunction_Graph.builder().http(http).environment(environment).clock(clock).build();
        return new Served(new WebHandler(graph.links(), graph.pings(), graph.calendars(), graph.console()),
                graph.linkKeys(), graph.calendarFeeds());
    }

    /** The handler and two services of its graph. */
    public record Served(WebHandler handler, LinkKeys linkKeys, CalendarFeeds calendarFeeds) {
    }

    /** The handler as deployed for {@code /ping/} requests; link requests are not part of what it measures. */
    public static WebHandler pings(Heartbeats heartbeats) {
        return new WebHandler(null, new PingEndpoint(heartbeats), null, null);
    }

    /** {@link WebComponent} with the HTTP client handed in. */
    @Singleton
    @Component(modules = {CannedSdkModule.class, DynamoDbModule.class, SnsModule.class, PagingModule.class,
            LinksModule.class, AnswersModule.class, HeartbeatsModule.class, WebModule.class})
    interface Graph extends WebComponent {

        LinkKeys linkKeys();

        CalendarFeeds calendarFeeds();

        @Component.Builder
        interface Builder extends WebComponent.Builder {
            @BindsInstance
            Builder http(SdkHttpClient http);

            @Override
            Graph build();
        }
    }
}
