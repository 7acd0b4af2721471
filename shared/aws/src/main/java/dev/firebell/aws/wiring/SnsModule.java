package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.sns.SnsPager;
import dev.firebell.paging.Pager;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The paging topic. */
@Module
public final class SnsModule {

    private SnsModule() {
    }

    @Provides
    @Singleton
    public static SnsClient sns(SdkHttpClient http, AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
        return SnsClient.builder().httpClient(http).credentialsProvider(credentials)
                .overrideConfiguration(overrides).build();
    }

    @Provides
    @Singleton
    static Pager pager(SnsClient sns, FunctionEnvironment env) {
        return new SnsPager(sns, env.require("PAGE_TOPIC_ARN"));
    }
}
