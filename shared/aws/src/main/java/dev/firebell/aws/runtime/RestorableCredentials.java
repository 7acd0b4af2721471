package dev.firebell.aws.runtime;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The credentials of an environment initialised for a SnapStart snapshot (ADR 0053): the provider chain as usual, but
 * replaced by a fresh one after each restore, so that temporary credentials resolved before the snapshot (by priming)
 * are never used by an environment restored from it, however long after. Clients ask their provider on every request,
 * so the swap takes effect on the next one.
 */
public final class RestorableCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private final Supplier<AwsCredentialsProvider> fresh;
    private volatile AwsCredentialsProvider current;

    public RestorableCredentials(Supplier<AwsCredentialsProvider> fresh) {
        this.fresh = fresh;
        this.current = fresh.get();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return current.resolveCredentials();
    }

    /** Forgets whatever the provider cached; the next request resolves credentials again. */
    public void afterRestore() {
        AwsCredentialsProvider before = current;
        current = fresh.get();
        closeQuietly(before);
    }

    @Override
    public void close() {
        closeQuietly(current);
    }

    private static void closeQuietly(AwsCredentialsProvider provider) {
        if (provider instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
