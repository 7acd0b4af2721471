package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Origins;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.s3.S3PostmortemStore;
import dev.firebell.incident.IncidentHistory;
import dev.firebell.incident.IncidentStore;
import dev.firebell.metrics.IncidentMetricsStore;
import dev.firebell.metrics.MetricsSink;
import dev.firebell.paging.Pager;
import dev.firebell.postmortem.PostmortemService;
import dev.firebell.postmortem.PostmortemStore;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Drafts in the postmortem bucket, metrics in the table, announcements on the page topic. Where metrics are emitted
 * comes from {@link MetricsModule}, apart, so tests can watch them.
 */
@Module(includes = {S3Module.class, HistoryModule.class})
public final class PostmortemModule {

    /** How far back a draft looks for related incidents. */
    public static final Duration RELATED_WINDOW = Duration.ofDays(30);

    private PostmortemModule() {
    }

    @Provides
    @Singleton
    static PostmortemStore drafts(S3Client s3, FunctionEnvironment env) {
        return new S3PostmortemStore(s3, env.require("POSTMORTEM_BUCKET"));
    }

    @Provides
    @Singleton
    static PostmortemService postmortems(IncidentStore incidents, IncidentHistory history, PostmortemStore drafts,
                                         Pager pager, IncidentMetricsStore metrics, MetricsSink sink, Origins origins) {
        return new PostmortemService(incidents, history, drafts, pager, metrics, sink, RELATED_WINDOW, origins);
    }
}
