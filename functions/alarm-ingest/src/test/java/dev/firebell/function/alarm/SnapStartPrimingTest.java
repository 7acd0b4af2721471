package dev.firebell.function.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart priming (ADR 0050): reads only, and only when Lambda initialises for a snapshot. Requests counted at a proxy. */
@LocalStackTest
class SnapStartPrimingTest {

    private final LocalStack local;
    private final LocalResources resources;
    private LocalStack.ProxiedEndpoint proxied;
    private FaultProxy proxy;

    SnapStartPrimingTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void proxyInFront() {
        local.emptyTable(resources.tableName("FirebellTable"));
        proxied = local.proxyForNewClients();
        proxy = proxied.proxy();
    }

    @AfterEach
    void restore() {
        proxied.close();
    }

    @Test
    void aSnapStartInit_readsTheConfigurationADedupTrackAndTheCounterInOneRequest_andWritesNothing() {
        Map<String, String> env = new HashMap<>(resources.environmentOf("AlarmIngestFunction"));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

        new AlarmIngestHandler(new FunctionEnvironment(env));

        assertThat(proxy.requests()).containsExactly("dynamodb:BatchGetItem");
        assertThat(local.dynamoDb().scan(r -> r.tableName(resources.tableName("FirebellTable"))).count()).isZero();
    }

    @Test
    void anOnDemandInit_makesNoRequestAtAll() {
        Map<String, String> env = new HashMap<>(resources.environmentOf("AlarmIngestFunction"));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");

        new AlarmIngestHandler(new FunctionEnvironment(env));

        assertThat(proxy.requests()).isEmpty();
    }
}
