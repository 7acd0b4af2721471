package dev.firebell.aws.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.faults.Fault;
import dev.firebell.local.faults.FaultProxy;
import dev.firebell.local.junit.LocalStackTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * The bounds every function's SDK clients get from {@link SdkModule}, checked against a misbehaving AWS (a
 * {@link FaultProxy} in front of the emulator, reached through the SDK's standard {@code aws.endpointUrl} setting):
 * a fixed number of attempts whatever the failure, and a time limit per call. Attempts are counted where they arrive.
 */
@LocalStackTest
class SdkModuleFaultTest {

    private final LocalStack local;
    private final LocalResources resources;
    private final FunctionEnvironment env = new FunctionEnvironment(Map.of());
    private FaultProxy proxy;
    private SdkHttpClient http;

    SdkModuleFaultTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void routeThroughTheProxy() {
        proxy = FaultProxy.start(local.endpoint());
        System.setProperty("aws.endpointUrl", proxy.endpoint().toString());
        http = SdkModule.httpClient();
    }

    @AfterEach
    void restore() {
        local.exportSdkSettings();
        http.close();
        proxy.close();
    }

    @Test
    void throttlingThatLasts_isTriedThreeTimes_thenFailsNamingTheThrottle() {
        proxy.failAlways("dynamodb:GetItem", Fault.throttled()).failAlways("sns:Publish", Fault.throttled());

        assertThatThrownBy(() -> dynamo(SdkModule.overrides()).getItem(r -> r.tableName(table()).key(key())))
                .isInstanceOf(ProvisionedThroughputExceededException.class)
                .satisfies(e -> assertThat(((SdkException) e).numAttempts()).isEqualTo(SdkModule.MAX_ATTEMPTS));
        assertThatThrownBy(() -> sns().publish(r -> r.topicArn(resources.topicArn("PageTopic")).message("x")))
                .isInstanceOfSatisfying(SnsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling"));

        assertThat(proxy.attempts("dynamodb:GetItem")).isEqualTo(SdkModule.MAX_ATTEMPTS);
        assertThat(proxy.attempts("sns:Publish")).isEqualTo(SdkModule.MAX_ATTEMPTS);
    }

    @Test
    void throttlingOr500sForAMoment_areRiddenOutByTheRetries() {
        proxy.fail("dynamodb:GetItem", Fault.error(400, "ThrottlingException"), 1)
                .fail("dynamodb:GetItem", Fault.serverError(), 1)
                .fail("sns:Publish", Fault.serverError(), 2);

        dynamo(SdkModule.overrides()).getItem(r -> r.tableName(table()).key(key()));
        sns().publish(r -> r.topicArn(resources.topicArn("PageTopic")).message("x"));

        assertThat(proxy.attempts("dynamodb:GetItem")).isEqualTo(3);
        assertThat(proxy.attempts("sns:Publish")).isEqualTo(3);
    }

    @Test
    void anUnreachableService_failsAfterTheSameThreeAttempts_sayingSo() {
        proxy.unreachable();

        assertThatThrownBy(() -> dynamo(SdkModule.overrides()).getItem(r -> r.tableName(table()).key(key())))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Connection refused")
                .satisfies(e -> assertThat(((SdkException) e).numAttempts()).isEqualTo(SdkModule.MAX_ATTEMPTS));
    }

    @Test
    void aServiceSlowerThanTheTimeouts_failsTheCallWhenItsTimeIsUp_withoutWaitingForTheAnswer() {
        // The production bounds with the timeouts scaled down from 5 s / 12 s, so the test does not take 12 s.
        proxy.failAlways("dynamodb:GetItem", Fault.delay(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> dynamo(SdkModule.boundedCalls(Duration.ofMillis(300), Duration.ofMillis(500)))
                .getItem(r -> r.tableName(table()).key(key())))
                .isInstanceOf(ApiCallTimeoutException.class);
        assertThat(proxy.attempts("dynamodb:GetItem")).isBetween(1, SdkModule.MAX_ATTEMPTS);
    }

    @Test
    void eachAttemptHasItsOwnTimeout_andAnAnswerThatComesInTimeIsUsed() {
        proxy.fail("dynamodb:GetItem", Fault.delay(Duration.ofSeconds(4)), 1);

        // An attempt timeout a healthy call stays well within, even on a busy machine or a shifted clock.
        dynamo(SdkModule.boundedCalls(Duration.ofMillis(1500), Duration.ofSeconds(3)))
                .getItem(r -> r.tableName(table()).key(key()));
        assertThat(proxy.attempts("dynamodb:GetItem")).isEqualTo(2);
    }

    private DynamoDbClient dynamo(ClientOverrideConfiguration overrides) {
        return DynamoDbModule.dynamoDb(http, SdkModule.credentials(env), overrides);
    }

    private SnsClient sns() {
        return SnsModule.sns(http, SdkModule.credentials(env), SdkModule.overrides());
    }

    private String table() {
        return resources.tableName("FirebellTable");
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("PK", AttributeValue.fromS("CONFIG"), "SK", AttributeValue.fromS("CURRENT"));
    }
}
