package dev.firebell.bench.latency;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.wiring.SdkModule;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * What {@link SdkModule} gives every SDK client, for a component whose HTTP client is handed in
 * ({@link CannedHttpClient}): SdkModule's call bounds, and fixed credentials (requests are still signed).
 */
@Module
public final class CannedSdkModule {

    private CannedSdkModule() {
    }

    @Provides
    @Singleton
    public static ClientOverrideConfiguration overrides() {
        return SdkModule.overrides();
    }

    @Provides
    @Singleton
    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    }
}
