package dev.firebell.testing;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.wiring.SdkModule;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The HTTP client and credentials as {@link SdkModule} builds them, without its call bounds: a fault-injection graph
 * binds its own {@code ClientOverrideConfiguration} (production's, or timeouts scaled down for a slow AWS).
 */
@Module
public final class FaultSdkModule {
    private FaultSdkModule() {
    }

    @Provides
    @Singleton
    static SdkHttpClient http() {
        return SdkModule.httpClient();
    }

    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(FunctionEnvironment env) {
        return SdkModule.credentials(env);
    }
}
