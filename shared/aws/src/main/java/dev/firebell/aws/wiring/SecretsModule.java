package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager, for the functions that read a secret (chat: the Slack signing secret; announcer: the Slack bot
 * token). The client is an optional dependency of this module: only their artifacts carry it.
 */
@Module
public final class SecretsModule {

    private SecretsModule() {
    }

    @Provides
    @Singleton
    static SecretsManagerClient secretsManager(SdkHttpClient http, AwsCredentialsProvider credentials,
                                               ClientOverrideConfiguration overrides) {
        return SecretsManagerClient.builder().httpClient(http).credentialsProvider(credentials)
                .overrideConfiguration(overrides).build();
    }
}
