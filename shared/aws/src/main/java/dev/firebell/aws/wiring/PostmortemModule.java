package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Origins;
import dev.firebell.aws.dynamodb.DynamoIncidentHistory;
import dev.firebell.aws.dynamodb.DynamoMetricsStore;
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
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Drafts in the postmortem bucket, metrics in the table, announcements on the page topic. Where metrics are emitted
 * comes from {@link MetricsModule}, apart, so tests can watch them.
 */
@Module
public final class PostmortemModule {

    /** How far back a draft looks for related incidents. */
    public static final Duration RELATED_WINDOW = Duration.ofDays(30);

    private PostmortemModule() {
    }

    /**
     * Path-style addressing only where the SDK is pointed at a custom endpoint (an emulator on 127.0.0.1 has no
     * wildcard DNS for bucket hostnames); against AWS the default virtual-hosted style is kept.
     */
    @Provides
    @Singleton
    static S3Client s3(SdkHttpClient http, AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides,
                       FunctionEnvironment env) {
        boolean customEndpoint = System.getProperty("aws.endpointUrl") != null
                || env.optional("AWS_ENDPOINT_URL", null) != null || env.optional("AWS_ENDPOINT_URL_S3", null) != null;
        return S3Client.builder().httpClient(http).credentialsProvider(credentials).overrideConfiguration(overrides)
                .forcePathStyle(customEndpoint).build();
    }

    @Provides
    @Singleton
    static PostmortemStore drafts(S3Client s3, FunctionEnvironment env) {
        return new S3PostmortemStore(s3, env.require("POSTMORTEM_BUCKET"));
    }

    @Provides
    @Singleton
    static IncidentHistory history(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoIncidentHistory(dynamo, table);
    }

    @Provides
    @Singleton
    static IncidentMetricsStore metricsStore(DynamoDbClient dynamo, @Named("table") String table) {
        return new DynamoMetricsStore(dynamo, table);
    }

    @Provides
    @Singleton
    static PostmortemService postmortems(IncidentStore incidents, IncidentHistory history, PostmortemStore drafts,
                                         Pager pager, IncidentMetricsStore metrics, MetricsSink sink, Origins origins) {
        return new PostmortemService(incidents, history, drafts, pager, metrics, sink, RELATED_WINDOW, origins);
    }
}
