package dev.firebell.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** The proxy itself: it forwards, names operations, shapes errors as each service does, and counts attempts. */
@LocalStackTest
class FaultProxyTest {

    private final LocalStack local;
    private final LocalResources resources;
    private final FaultProxy proxy;
    private final UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();

    FaultProxyTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
        this.proxy = FaultProxy.start(local.endpoint());
    }

    @AfterEach
    void stop() {
        proxy.close();
        http.close();
    }

    @Test
    void forwards_andCountsEachOperation() {
        dynamo(1).putItem(r -> r.tableName(table()).item(item("a")));
        dynamo(1).getItem(r -> r.tableName(table()).key(item("a")));
        sns(1).publish(r -> r.topicArn(resources.topicArn("PageTopic")).message("hello"));

        assertThat(proxy.requests()).containsExactly("dynamodb:PutItem", "dynamodb:GetItem", "sns:Publish");
        assertThat(proxy.attempts("dynamodb:*")).isEqualTo(2);
        assertThat(local.dynamoDb().getItem(r -> r.tableName(table()).key(item("a"))).hasItem()).isTrue();
    }

    @Test
    void throttlingAnswers_areWhatTheSdkRecognisesAsThrottling_andTheSdkRetriesThem() {
        proxy.fail("dynamodb:GetItem", Fault.throttled(), 1).fail("sns:Publish", Fault.throttled(), 1)
                .fail("s3:PutObject", Fault.throttled(), 1);

        assertThatThrownBy(() -> dynamo(1).getItem(r -> r.tableName(table()).key(item("b"))))
                .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
                        e -> assertThat(e.isThrottlingException()).isTrue());
        assertThatThrownBy(() -> sns(1).publish(r -> r.topicArn(resources.topicArn("PageTopic")).message("x")))
                .isInstanceOfSatisfying(SnsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThatThrownBy(() -> s3(1).putObject(r -> r.bucket(bucket()).key("k"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.isThrottlingException()).isTrue();
                });

        proxy.fail("dynamodb:GetItem", Fault.error(400, "ThrottlingException"), 2);
        dynamo(3).getItem(r -> r.tableName(table()).key(item("b")));
        assertThat(proxy.attempts("dynamodb:GetItem")).isEqualTo(4);
    }

    @Test
    void serverErrors_areInTheServicesOwnShape() {
        proxy.failAlways("*", Fault.serverError());

        assertThatThrownBy(() -> dynamo(1).getItem(r -> r.tableName(table()).key(item("c"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                });
        assertThatThrownBy(() -> sns(1).publish(r -> r.topicArn(resources.topicArn("PageTopic")).message("x")))
                .isInstanceOfSatisfying(SnsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError"));
        assertThatThrownBy(() -> s3(1).headObject(r -> r.bucket(bucket()).key("missing")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(proxy.requests()).containsExactly("dynamodb:GetItem", "sns:Publish", "s3:HeadObject");
    }

    @Test
    void aLostResponse_hasDoneTheWork() {
        proxy.fail("dynamodb:PutItem", Fault.lostResponse(), 1);

        assertThatThrownBy(() -> dynamo(1).putItem(r -> r.tableName(table()).item(item("d"))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(local.dynamoDb().getItem(r -> r.tableName(table()).key(item("d"))).hasItem()).isTrue();
    }

    @Test
    void aDroppedConnection_orNobodyListening_isAClientSideFailure_andHealingEndsIt() {
        proxy.fail("dynamodb:GetItem", Fault.dropConnection(), 1);
        assertThatThrownBy(() -> dynamo(1).getItem(r -> r.tableName(table()).key(item("e"))))
                .isInstanceOf(SdkClientException.class);

        proxy.unreachable();
        assertThatThrownBy(() -> dynamo(2).getItem(r -> r.tableName(table()).key(item("e"))))
                .isInstanceOf(SdkClientException.class).hasMessageContaining("Connection refused")
                .satisfies(e -> assertThat(((SdkException) e).numAttempts()).isEqualTo(2));

        proxy.heal();
        dynamo(1).getItem(r -> r.tableName(table()).key(item("e")));
        assertThat(proxy.attempts("dynamodb:GetItem")).isEqualTo(2);
    }

    @Test
    void passedRequests_goThroughAheadOfALaterFault_andADelayedRequestStillArrives() {
        proxy.pass("dynamodb:PutItem", 1).failAlways("dynamodb:PutItem", Fault.throttled())
                .fail("dynamodb:GetItem", Fault.delay(java.time.Duration.ofMillis(600)), 1);

        dynamo(1).putItem(r -> r.tableName(table()).item(item("f")));
        assertThatThrownBy(() -> dynamo(1).putItem(r -> r.tableName(table()).item(item("g"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        DynamoDbClient impatient = DynamoDbClient.builder().endpointOverride(proxy.endpoint()).region(local.region())
                .credentialsProvider(local.credentialsProvider()).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(java.time.Duration.ofMillis(200))).build();
        assertThatThrownBy(() -> impatient.getItem(r -> r.tableName(table()).key(item("f"))))
                .isInstanceOf(software.amazon.awssdk.core.exception.ApiCallTimeoutException.class);
        proxy.awaitQuiet(java.time.Duration.ofSeconds(5));

        assertThat(proxy.requests()).containsExactly("dynamodb:PutItem", "dynamodb:PutItem", "dynamodb:GetItem");
    }

    @Test
    void s3Operations_areNamedByMethodAndSubresource() {
        s3(1).putObject(r -> r.bucket(bucket()).key("k"), RequestBody.fromString("x"));
        s3(1).headObject(r -> r.bucket(bucket()).key("k"));
        s3(1).getObjectTagging(r -> r.bucket(bucket()).key("k"));
        s3(1).putObjectTagging(r -> r.bucket(bucket()).key("k").tagging(t -> t.tagSet(s -> s.key("a").value("b"))));

        assertThat(proxy.requests()).containsExactly("s3:PutObject", "s3:HeadObject", "s3:GetObjectTagging",
                "s3:PutObjectTagging");
    }

    private DynamoDbClient dynamo(int maxAttempts) {
        return DynamoDbClient.builder().endpointOverride(proxy.endpoint()).region(local.region())
                .credentialsProvider(local.credentialsProvider()).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(maxAttempts))).build();
    }

    private SnsClient sns(int maxAttempts) {
        return SnsClient.builder().endpointOverride(proxy.endpoint()).region(local.region())
                .credentialsProvider(local.credentialsProvider()).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(maxAttempts))).build();
    }

    private S3Client s3(int maxAttempts) {
        return S3Client.builder().endpointOverride(proxy.endpoint()).region(local.region()).forcePathStyle(true)
                .credentialsProvider(local.credentialsProvider()).httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(maxAttempts))).build();
    }

    private String table() {
        return resources.tableName("FirebellTable");
    }

    private String bucket() {
        return resources.bucketName("PostmortemBucket");
    }

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("PK", AttributeValue.fromS("PROXY#" + id), "SK", AttributeValue.fromS("X"));
    }
}
