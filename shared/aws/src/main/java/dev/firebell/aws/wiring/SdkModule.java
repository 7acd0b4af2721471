package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.aws.runtime.FreshJitter;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.runtime.RestorableCredentials;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * What every SDK client shares: the JDK's HTTP client (no Apache, no Netty: fewer classes to load at
 * cold start), bounded timeouts and retries, and the credentials decision, made here once. Region and
 * endpoint come from the SDK's standard settings ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}), so the
 * same build talks to AWS or to a local emulator.
 */
@Module
public final class SdkModule {

    /**
     * Attempts per AWS call: the first and two retries, with exponential backoff and jitter (the standard retry
     * mode's own number, pinned here so that neither an SDK upgrade nor {@code AWS_RETRY_MODE} changes it; the
     * legacy default would try DynamoDB nine times). Lambda's retries, the page sweep and the stream's retries are
     * the layers above.
     */
    public static final int MAX_ATTEMPTS = 3;
    /** One HTTP attempt, connection included. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    /** One call, all its attempts and backoff included: well under the 60-second page lease. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);
    /** The standard retry mode's delays (SDK defaults), with jitter that differs between restored environments. */
    static final FreshJitter BACKOFF = new FreshJitter(Duration.ofMillis(100), Duration.ofSeconds(20));
    static final FreshJitter THROTTLING_BACKOFF = new FreshJitter(Duration.ofSeconds(1), Duration.ofSeconds(20));

    private SdkModule() {
    }

    @Provides
    @Singleton
    public static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Every call is bounded, so a throttled or unreachable AWS fails the invocation instead of hanging it. */
    @Provides
    @Singleton
    public static ClientOverrideConfiguration overrides() {
        return boundedCalls(ATTEMPT_TIMEOUT, CALL_TIMEOUT);
    }

    /** The production retry bounds with other timeouts: for tests that make AWS slower than them. */
    public static ClientOverrideConfiguration boundedCalls(Duration attemptTimeout, Duration callTimeout) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .retryStrategy(retries -> retries.maxAttempts(MAX_ATTEMPTS).backoffStrategy(BACKOFF)
                        .throttlingBackoffStrategy(THROTTLING_BACKOFF))
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout)
                .build();
    }

    /**
     * In a plain Lambda start the role's keys are in the environment: reading them directly skips the
     * provider chain. Under SnapStart they are not (credentials come from the container endpoint and
     * must not be pinned in the snapshot): the chain, replaced by a fresh one after each restore by the functions
     * that have runtime hooks (ADR 0053). Locally the chain finds the emulator's test keys.
     */
    @Provides
    @Singleton
    public static AwsCredentialsProvider credentials(FunctionEnvironment env) {
        boolean inLambda = env.optional("AWS_LAMBDA_FUNCTION_NAME", null) != null;
        boolean snapStart = env.snapStartInit();
        boolean keysInEnvironment = env.optional("AWS_ACCESS_KEY_ID", null) != null;
        if (inLambda && !snapStart && keysInEnvironment) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (snapStart) {
            return new RestorableCredentials(() -> DefaultCredentialsProvider.builder().build());
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
