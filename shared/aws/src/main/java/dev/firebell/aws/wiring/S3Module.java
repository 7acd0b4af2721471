package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.runtime.FunctionEnvironment;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 client, for the functions that carry the (optional) S3 SDK: the postmortem function writes drafts, the web
 * function reads them.
 */
@Module
public final class S3Module {

    private S3Module() {
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
}
