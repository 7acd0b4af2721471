package dev.firebell.aws.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.wiring.SdkModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class RestorableCredentialsTest {

    /** A provider that hands out the keys of the session it was made in, like one that cached them. */
    static final class SessionProvider implements AwsCredentialsProvider, SdkAutoCloseable {
        final AwsCredentials keys;
        boolean closed;

        SessionProvider(int session) {
            this.keys = AwsBasicCredentials.create("AKIDSESSION" + session, "secret" + session);
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return keys;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void afterRestore_shouldResolveWithAFreshProvider_andCloseTheOneFromBeforeTheSnapshot() {
        List<SessionProvider> made = new ArrayList<>();
        RestorableCredentials credentials = new RestorableCredentials(() -> {
            SessionProvider p = new SessionProvider(made.size() + 1);
            made.add(p);
            return p;
        });
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKIDSESSION1");

        credentials.afterRestore();

        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKIDSESSION2");
        assertThat(made.get(0).closed).isTrue();
        assertThat(made.get(1).closed).isFalse();
    }

    @Test
    void sdkModule_shouldMakeRestorableCredentials_onlyForASnapStartInit() {
        Map<String, String> lambda = Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "AWS_ACCESS_KEY_ID", "AKID",
                "AWS_SECRET_ACCESS_KEY", "s");
        Map<String, String> snapStart = new java.util.HashMap<>(lambda);
        snapStart.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

        assertThat(SdkModule.credentials(new FunctionEnvironment(lambda)))
                .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(SdkModule.credentials(new FunctionEnvironment(snapStart))).isInstanceOf(RestorableCredentials.class);
    }
}
