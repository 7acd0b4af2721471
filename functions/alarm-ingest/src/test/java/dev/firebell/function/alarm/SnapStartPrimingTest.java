package dev.firebell.function.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.CountedRequests;
import dev.firebell.local.junit.LocalStackTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnapStart priming (ADR 0050): reads only, and only when Lambda initialises for a snapshot. Requests counted at a proxy. */
@LocalStackTest
class SnapStartPrimingTest {

    @RegisterExtension
    final CountedRequests counted = new CountedRequests();

    private final LocalStack local;
    private final LocalResources resources;

    SnapStartPrimingTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void emptyTable() {
        local.emptyTable(resources.tableName("FirebellTable"));
    }

    @Test
    void aSnapStartInit_readsTheConfigurationADedupTrackAndTheCounterInOneRequest_andWritesNothing() {
        Map<String, String> env = new HashMap<>(resources.environmentOf("AlarmIngestFunction"));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

        new AlarmIngestHandler(new FunctionEnvironment(env));

        assertThat(counted.requests()).containsExactly("dynamodb:BatchGetItem");
        assertThat(local.dynamoDb().scan(r -> r.tableName(resources.tableName("FirebellTable"))).count()).isZero();
    }

    @Test
    void anOnDemandInit_makesNoRequestAtAll() {
        Map<String, String> env = new HashMap<>(resources.environmentOf("AlarmIngestFunction"));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");

        new AlarmIngestHandler(new FunctionEnvironment(env));

        assertThat(counted.requests()).isEmpty();
    }
}
