package dev.firebell.local;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * AWS on this machine: a moto emulator, SDK clients pointed at it, and the template's resources created in it.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start()) {
 *     LocalResources resources = stack.provision(SamTemplate.load(SamTemplate.locate()));
 *     stack.dynamoDb().describeTable(b -> b.tableName(resources.tableName("FirebellTable")));
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    /** The account moto answers for, in every ARN it builds. */
    public static final String ACCOUNT_ID = "123456789012";
    public static final Region DEFAULT_REGION = Region.US_EAST_1;

    /** moto accepts any credentials; these only have to be present and well formed. */
    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("test", "test");

    private final MotoServer server;
    private final URI endpoint;
    private final Region region;
    private final SdkHttpClient httpClient;
    private final List<SdkClient> clients = new ArrayList<>();
    private DynamoDbClient dynamoDb;
    private SnsClient sns;
    private SqsClient sqs;
    private S3Client s3;
    private SsmClient ssm;
    private SecretsManagerClient secretsManager;
    private KmsClient kms;
    private CloudWatchLogsClient logs;

    private LocalStack(MotoServer server, URI endpoint, Region region) {
        this.server = server;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.region = Objects.requireNonNull(region, "region");
        this.httpClient = UrlConnectionHttpClient.builder()
                // The emulator is local: never route it through a proxy configured for the internet.
                .proxyConfiguration(proxy -> proxy.useSystemPropertyValues(false).useEnvironmentVariablesValues(false))
                .connectionTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** Starts a moto of its own in {@link #DEFAULT_REGION}; {@link #close()} stops it. */
    public static LocalStack start() {
        return start(DEFAULT_REGION);
    }

    public static LocalStack start(Region region) {
        MotoServer server = MotoServer.start();
        return new LocalStack(server, server.endpoint(), region);
    }

    /** Uses a moto that is already running (e.g. started by the CLI); {@link #close()} leaves it running. */
    public static LocalStack attach(URI endpoint) {
        return attach(endpoint, DEFAULT_REGION);
    }

    public static LocalStack attach(URI endpoint, Region region) {
        return new LocalStack(null, endpoint, region);
    }

    public URI endpoint() {
        return endpoint;
    }

    public Region region() {
        return region;
    }

    public String accountId() {
        return ACCOUNT_ID;
    }

    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(CREDENTIALS);
    }

    /** The moto process this stack started, or empty when it is attached to one it does not own. */
    public Optional<MotoServer> server() {
        return Optional.ofNullable(server);
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = keep(configure(DynamoDbClient.builder()).build());
        }
        return dynamoDb;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = keep(configure(SnsClient.builder()).build());
        }
        return sns;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = keep(configure(SqsClient.builder()).build());
        }
        return sqs;
    }

    /** Path-style addressing: virtual-hosted style would need DNS for BUCKET.127.0.0.1. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = keep(configure(S3Client.builder()).forcePathStyle(true).build());
        }
        return s3;
    }

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = keep(configure(SsmClient.builder()).build());
        }
        return ssm;
    }

    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            secretsManager = keep(configure(SecretsManagerClient.builder()).build());
        }
        return secretsManager;
    }

    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = keep(configure(KmsClient.builder()).build());
        }
        return kms;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = keep(configure(CloudWatchLogsClient.builder()).build());
        }
        return logs;
    }

    /**
     * Points any other service's client builder at the emulator: endpoint, region, credentials and this stack's
     * HTTP client (so the built client works while this stack is open, and need not be closed separately).
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentialsProvider())
                .httpClient(httpClient);
    }

    /**
     * Deletes every item of a table (a Scan, which only tests and local tools do), so a test can start
     * from an empty table without re-provisioning the whole template.
     */
    public void emptyTable(String tableName) {
        DynamoDbClient dynamo = dynamoDb();
        var keyNames = dynamo.describeTable(r -> r.tableName(tableName)).table().keySchema().stream()
                .map(k -> k.attributeName()).toList();
        dynamo.scanPaginator(r -> r.tableName(tableName)).items().forEach(item -> {
            java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = new java.util.HashMap<>();
            keyNames.forEach(k -> key.put(k, item.get(k)));
            dynamo.deleteItem(r -> r.tableName(tableName).key(key));
        });
    }

    /**
     * Gives the Secrets Manager secret {@code name} this value, as a user would with the CLI: a new version of it, or a
     * new secret when there is none.
     */
    public void putSecret(String name, String value) {
        try {
            secretsManager().putSecretValue(r -> r.secretId(name).secretString(value));
        } catch (ResourceNotFoundException notYet) {
            secretsManager().createSecret(r -> r.name(name).secretString(value));
        }
    }

    /** Deletes the secret {@code name} at once (no recovery window), if there is one. */
    public void deleteSecret(String name) {
        try {
            secretsManager().deleteSecret(r -> r.secretId(name).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException none) {
            // nothing to delete
        }
    }

    /**
     * Creates an SQS queue and subscribes it to {@code topicArn}, as a team's pager tool or a test's inbox would be.
     *
     * @param filterPolicy the subscription's filter policy (JSON), or null to receive every message
     * @return the queue's URL
     */
    public String subscribeQueue(String topicArn, String queueName, String filterPolicy) {
        SqsClient sqs = sqs();
        String url = sqs.createQueue(r -> r.queueName(queueName)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn)
                .attributes(filterPolicy == null ? Map.of() : Map.of("FilterPolicy", filterPolicy)));
        return url;
    }

    /** Receives and deletes every message of a queue until a receive waiting {@code waitSeconds} finds none. */
    public List<Message> drainQueue(String queueUrl, int waitSeconds) {
        SqsClient sqs = sqs();
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(waitSeconds)).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }

    /**
     * Sets the SDK's standard system properties ({@code aws.region}, {@code aws.accessKeyId},
     * {@code aws.secretAccessKey}, {@code aws.endpointUrl}) so that production code building its clients the
     * default way, with no endpoint in code, reaches the emulator. They apply to the whole JVM.
     */
    public void exportSdkSettings() {
        System.setProperty("aws.region", region.id());
        System.setProperty("aws.accessKeyId", CREDENTIALS.accessKeyId());
        System.setProperty("aws.secretAccessKey", CREDENTIALS.secretAccessKey());
        System.setProperty("aws.endpointUrl", endpoint.toString());
    }

    /** Every SMS sent straight to a phone number through SNS, as the emulator recorded it, oldest first. */
    public List<Published.Sms> smsSent() {
        return Published.sms(endpoint());
    }

    /** Every message published to the topic, with all its renderings (what e-mail and SMS subscribers get). */
    public List<Published.Notification> published(String topicArn) {
        return Published.notifications(endpoint(), topicArn);
    }

    /**
     * A counting {@link dev.firebell.local.faults.FaultProxy} in front of the emulator, which clients the code under
     * test builds from now on reach (through {@code aws.endpointUrl}); closing it stops the proxy and points them back
     * at the emulator. For tests that count or disturb the requests of a whole function.
     */
    public ProxiedEndpoint proxyForNewClients() {
        dev.firebell.local.faults.FaultProxy proxy = dev.firebell.local.faults.FaultProxy.start(endpoint);
        System.setProperty("aws.endpointUrl", proxy.endpoint().toString());
        return new ProxiedEndpoint(proxy, this);
    }

    /** What {@link #proxyForNewClients} started: the proxy, and closing undoes it. */
    public record ProxiedEndpoint(dev.firebell.local.faults.FaultProxy proxy, LocalStack local) implements AutoCloseable {
        @Override
        public void close() {
            local.exportSdkSettings();
            proxy.close();
        }
    }

    /** Empties the emulator: every table, topic, queue, bucket, parameter and secret is gone. */
    public void reset() {
        MotoApi.reset(endpoint);
    }

    /** Creates the template's resources, parameters at their defaults. See {@link #provision(SamTemplate, Map)}. */
    public LocalResources provision(SamTemplate template) {
        return provision(template, Map.of());
    }

    /**
     * Creates, from the template's own definitions, its DynamoDB tables, SNS topics and SQS-bound subscriptions, SQS
     * queues, S3 buckets, SSM parameters, Secrets Manager secrets, KMS keys and aliases and log groups; lists every
     * other resource in
     * {@link LocalResources#skipped()}. Resources that already exist are kept, so it may run again, or after
     * {@link #reset()}.
     *
     * @param parameterOverrides template parameters to use instead of their defaults
     */
    public LocalResources provision(SamTemplate template, Map<String, String> parameterOverrides) {
        return provision(template, LocalResources.STACK_NAME, parameterOverrides);
    }

    /**
     * Creates a stack of the template under its own name, beside any others in this emulator, as {@code sam deploy
     * --stack-name} would in one account: resources without a name property are named after the stack, and a name
     * the account already holds for another stack (a key alias, a log group) fails the provisioning as it
     * fails a CloudFormation create. Provisioning the same stack again keeps what it created.
     */
    public LocalResources provision(SamTemplate template, String stackName, Map<String, String> parameterOverrides) {
        LocalResources resources = new LocalResources(template, stackName, region.id(), ACCOUNT_ID, parameterOverrides);
        new Provisioner(this, template, resources).run();
        return resources;
    }

    /** Closes the clients, and stops moto if this stack started it. */
    @Override
    public synchronized void close() {
        clients.forEach(SdkClient::close);
        clients.clear();
        dynamoDb = null;
        sns = null;
        sqs = null;
        s3 = null;
        ssm = null;
        secretsManager = null;
        kms = null;
        logs = null;
        httpClient.close();
        if (server != null) {
            server.close();
        }
    }

    @Override
    public String toString() {
        return "LocalStack " + endpoint + " " + region.id() + (server == null ? " (attached)" : "");
    }

    private <C extends SdkClient> C keep(C client) {
        clients.add(client);
        return client;
    }
}
