package dev.firebell.local.junit;

import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.FaultProxy;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts the AWS requests of the code under test, whole functions included: before each test a {@link FaultProxy}
 * goes in front of the emulator for every client built from then on ({@link LocalStack#proxyForNewClients}); after it,
 * new clients reach the emulator again. In a {@link LocalStackTest} class:
 *
 * <pre>{@code
 * @RegisterExtension
 * final CountedRequests counted = new CountedRequests();
 * ...
 * assertThat(counted.requests()).containsExactly("dynamodb:BatchGetItem");
 * }</pre>
 *
 * It starts before the class's {@code @BeforeEach} methods: what they do with clients built during the test is counted
 * too, unless they {@link #reset()}.
 */
public final class CountedRequests implements BeforeEachCallback, AfterEachCallback {

    private LocalStack.ProxiedEndpoint proxied;

    @Override
    public void beforeEach(ExtensionContext context) {
        proxied = LocalStackExtension.stack(context).proxyForNewClients();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (proxied != null) {
            proxied.close();
            proxied = null;
        }
    }

    /** Every request counted so far in this test, in order, as {@code service:Operation}. */
    public List<String> requests() {
        return proxy().requests();
    }

    /** Forgets what was counted so far (a fixture's own requests, say). */
    public void reset() {
        proxy().resetCounts();
    }

    /** The proxy itself, to make AWS misbehave as well. */
    public FaultProxy proxy() {
        if (proxied == null) {
            throw new IllegalStateException("CountedRequests counts during a test only: register it with "
                    + "@RegisterExtension in a @LocalStackTest class");
        }
        return proxied.proxy();
    }
}
