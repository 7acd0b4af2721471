package dev.firebell.local;

import static dev.firebell.local.LocalResources.BUCKET;
import static dev.firebell.local.LocalResources.PARAMETER;
import static dev.firebell.local.LocalResources.QUEUE;
import static dev.firebell.local.LocalResources.SECRET;
import static dev.firebell.local.LocalResources.SUBSCRIPTION;
import static dev.firebell.local.LocalResources.TABLE_TYPES;
import static dev.firebell.local.LocalResources.TOPIC;

import dev.firebell.local.SamTemplate.Resource;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates one template's resources in the emulator, in dependency order: tables, topics, queues, buckets and keys
 * first, then what refers to them (dead-letter queues, parameters, secrets, key aliases, log groups), then SNS
 * subscriptions. Keys, key aliases and log groups are {@link KeysAndLogGroups}'s.
 */
final class Provisioner {

    /** moto makes tables ACTIVE at once; a short poll keeps us honest without the SDK waiter's ~20 s pauses. */
    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private static final List<String> QUEUE_ATTRIBUTES = List.of("ContentBasedDeduplication", "DeduplicationScope",
            "DelaySeconds", "FifoQueue", "FifoThroughputLimit", "MaximumMessageSize", "MessageRetentionPeriod",
            "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout");
    private static final List<String> QUEUE_JSON_ATTRIBUTES = List.of("RedrivePolicy", "RedriveAllowPolicy");

    /** Why a type is not created, by type prefix; the first match wins. */
    private static final Map<String, String> SKIP_REASONS = skipReasons();

    private final LocalStack stack;
    private final SamTemplate template;
    private final LocalResources resources;
    private final List<String> queueArns = new ArrayList<>();
    private final KeysAndLogGroups owned;

    Provisioner(LocalStack stack, SamTemplate template, LocalResources resources) {
        this.stack = stack;
        this.template = template;
        this.resources = resources;
        this.owned = new KeysAndLogGroups(stack, resources, this);
    }

    void run() {
        List<Resource> wanted = new ArrayList<>();
        for (Resource resource : template.resources().values()) {
            Optional<String> condition = resource.condition();
            if (condition.isPresent() && !resources.condition(condition.get())) {
                resources.skipped(resource.logicalId(), resource.type(), "its condition " + condition.get() + " is false");
            } else {
                wanted.add(resource);
            }
        }
        for (Resource resource : wanted) {
            String type = resource.type();
            if (TABLE_TYPES.contains(type)) {
                attempt(resource, () -> table(resource));
            } else if (TOPIC.equals(type)) {
                attempt(resource, () -> topic(resource));
            } else if (QUEUE.equals(type)) {
                attempt(resource, () -> queue(resource));
            } else if (BUCKET.equals(type)) {
                attempt(resource, () -> bucket(resource));
            } else if (KeysAndLogGroups.KEY.equals(type)) {
                attempt(resource, () -> owned.key(resource));
            } else if (!Set.of(PARAMETER, SECRET, SUBSCRIPTION).contains(type)
                    && !KeysAndLogGroups.TYPES.contains(type)) {
                resources.skipped(resource.logicalId(), type, skipReason(resource));
            }
        }
        // Function URLs: SAM makes <Function>Url of a FunctionUrlConfig; locally it is wherever the function is served.
        for (Resource resource : wanted) {
            if (resource.type().equals("AWS::Serverless::Function")
                    && resource.properties().get("FunctionUrlConfig") != null) {
                resources.functionUrl(resource.logicalId());
            }
        }
        // Second pass: what refers to the resources above.
        for (Resource resource : wanted) {
            switch (resource.type()) {
                case QUEUE -> attempt(resource, () -> queuePolicies(resource));
                case PARAMETER -> attempt(resource, () -> parameter(resource));
                case SECRET -> attempt(resource, () -> secret(resource));
                case KeysAndLogGroups.ALIAS -> attempt(resource, () -> owned.alias(resource));
                case KeysAndLogGroups.LOG_GROUP -> attempt(resource, () -> owned.logGroup(resource));
                default -> {
                }
            }
        }
        for (Resource resource : wanted) {
            if (SUBSCRIPTION.equals(resource.type())) {
                attempt(resource, () -> subscription(resource.logicalId(), resource.properties(), true));
            } else if (TOPIC.equals(resource.type()) && resources.isCreated(resource.logicalId())) {
                List<?> inline = list(resource.properties().get("Subscription"));
                for (int i = 0; i < inline.size(); i++) {
                    String id = resource.logicalId() + ".Subscription[" + i + "]";
                    Map<String, Object> subscription = new LinkedHashMap<>(map(inline.get(i)));
                    subscription.put("TopicArn", Map.of("Ref", resource.logicalId()));
                    attempt(resource, () -> subscription(id, subscription, false));
                }
            }
        }
    }

    // ---- DynamoDB ----

    private void table(Resource resource) {
        DynamoDbClient dynamoDb = stack.dynamoDb();
        String name = physicalName(resource, "TableName", generatedName(resource, 255, ""));
        CreateTableRequest request = "AWS::Serverless::SimpleTable".equals(resource.type())
                ? simpleTableRequest(resource, name)
                : tableRequest(resource, name);
        try {
            dynamoDb.createTable(request);
        } catch (ResourceInUseException alreadyThere) {
            // Provisioning again without a reset: keep the table and its items.
        }
        TableDescription table = awaitActive(dynamoDb, name);
        Map<String, Object> ttl = map(property(resource, "TimeToLiveSpecification"));
        if (truthy(ttl.get("Enabled"))) {
            String attribute = string(ttl.get("AttributeName"), resource, "TimeToLiveSpecification.AttributeName");
            TimeToLiveStatus status = dynamoDb.describeTimeToLive(b -> b.tableName(name))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                dynamoDb.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
            }
        }
        String arn = table.tableArn();
        Map<String, Supplier<String>> attributes = new LinkedHashMap<>();
        attributes.put("Arn", () -> arn);
        attributes.put("StreamArn", () -> {
            // Asked each time: a re-created table has a new stream.
            String streamArn = dynamoDb.describeTable(b -> b.tableName(name)).table().latestStreamArn();
            if (streamArn == null) {
                throw new UnresolvableReferenceException("table " + resource.logicalId()
                        + " has no stream: its StreamSpecification is not set");
            }
            return streamArn;
        });
        resources.created(resource.logicalId(), resource.type(), name, attributes);
    }

    private CreateTableRequest tableRequest(Resource resource, String name) {
        if (list(property(resource, "KeySchema")).isEmpty()) {
            // moto would create a table without keys; CloudFormation would not.
            throw new ProvisioningException(resource.logicalId() + " (" + template.where(resource.raw())
                    + "): KeySchema is missing");
        }
        boolean onDemand = "PAY_PER_REQUEST".equals(optionalString(property(resource, "BillingMode"), resource, "BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(list(property(resource, "AttributeDefinitions")).stream()
                        .map(item -> AttributeDefinition.builder()
                                .attributeName(string(map(item).get("AttributeName"), resource, "AttributeName"))
                                .attributeType(string(map(item).get("AttributeType"), resource, "AttributeType"))
                                .build())
                        .toList())
                .keySchema(keySchema(property(resource, "KeySchema"), resource))
                .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
        if (!onDemand) {
            request.provisionedThroughput(throughput(property(resource, "ProvisionedThroughput"), resource));
        }
        List<GlobalSecondaryIndex> globalIndexes = list(property(resource, "GlobalSecondaryIndexes")).stream()
                .map(item -> {
                    Map<String, Object> index = map(item);
                    GlobalSecondaryIndex.Builder builder = GlobalSecondaryIndex.builder()
                            .indexName(string(index.get("IndexName"), resource, "IndexName"))
                            .keySchema(keySchema(index.get("KeySchema"), resource))
                            .projection(projection(index.get("Projection"), resource));
                    if (!onDemand) {
                        builder.provisionedThroughput(throughput(index.get("ProvisionedThroughput"), resource));
                    }
                    return builder.build();
                })
                .toList();
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = list(property(resource, "LocalSecondaryIndexes")).stream()
                .map(item -> LocalSecondaryIndex.builder()
                        .indexName(string(map(item).get("IndexName"), resource, "IndexName"))
                        .keySchema(keySchema(map(item).get("KeySchema"), resource))
                        .projection(projection(map(item).get("Projection"), resource))
                        .build())
                .toList();
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        Map<String, Object> stream = map(property(resource, "StreamSpecification"));
        if (stream.get("StreamViewType") != null) {
            String viewType = string(stream.get("StreamViewType"), resource, "StreamSpecification.StreamViewType");
            request.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType));
        }
        String tableClass = optionalString(property(resource, "TableClass"), resource, "TableClass");
        if (tableClass != null) {
            request.tableClass(tableClass);
        }
        // SSESpecification, PointInTimeRecoverySpecification, DeletionProtectionEnabled, Tags: nothing to emulate.
        return request.build();
    }

    /** SAM's SimpleTable: one hash key (default "id" of type String), on-demand unless throughput is given. */
    private CreateTableRequest simpleTableRequest(Resource resource, String name) {
        Map<String, Object> primaryKey = map(property(resource, "PrimaryKey"));
        String keyName = primaryKey.isEmpty() ? "id" : string(primaryKey.get("Name"), resource, "PrimaryKey.Name");
        String keyType = primaryKey.isEmpty() ? "String" : string(primaryKey.get("Type"), resource, "PrimaryKey.Type");
        String attributeType = switch (keyType) {
            case "String" -> "S";
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> throw new ProvisioningException(resource.logicalId() + ": PrimaryKey.Type " + keyType
                    + " is not String, Number or Binary");
        };
        Object throughput = property(resource, "ProvisionedThroughput");
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(keyName).attributeType(attributeType).build())
                .keySchema(KeySchemaElement.builder().attributeName(keyName).keyType("HASH").build());
        if (throughput == null) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(throughput, resource));
        }
        return request.build();
    }

    private List<KeySchemaElement> keySchema(Object value, Resource resource) {
        return list(value).stream()
                .map(item -> KeySchemaElement.builder()
                        .attributeName(string(map(item).get("AttributeName"), resource, "KeySchema.AttributeName"))
                        .keyType(string(map(item).get("KeyType"), resource, "KeySchema.KeyType"))
                        .build())
                .toList();
    }

    private Projection projection(Object value, Resource resource) {
        Map<String, Object> projection = map(value);
        Projection.Builder builder = Projection.builder()
                .projectionType(string(projection.get("ProjectionType"), resource, "Projection.ProjectionType"));
        List<?> nonKey = list(projection.get("NonKeyAttributes"));
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private ProvisionedThroughput throughput(Object value, Resource resource) {
        Map<String, Object> throughput = map(value);
        if (throughput.isEmpty()) {
            throw new ProvisioningException(resource.logicalId() + ": a provisioned table or index needs ProvisionedThroughput "
                    + "(or BillingMode: PAY_PER_REQUEST)");
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(string(throughput.get("ReadCapacityUnits"), resource, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(string(throughput.get("WriteCapacityUnits"), resource, "WriteCapacityUnits")))
                .build();
    }

    private static TableDescription awaitActive(DynamoDbClient dynamoDb, String name) {
        return poll("table " + name + " to become ACTIVE", () -> {
            TableDescription table = dynamoDb.describeTable(b -> b.tableName(name)).table();
            boolean indexesActive = table.globalSecondaryIndexes().stream()
                    .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
            return table.tableStatus() == TableStatus.ACTIVE && indexesActive ? table : null;
        });
    }

    // ---- SNS ----

    private void topic(Resource resource) {
        boolean fifo = truthy(property(resource, "FifoTopic"));
        String name = physicalName(resource, "TopicName", generatedName(resource, 256, fifo ? ".fifo" : ""));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
        }
        putIfPresent(attributes, resource, "ContentBasedDeduplication");
        putIfPresent(attributes, resource, "DisplayName");
        // KmsMasterKeyId is left out: the local key encrypts nothing, and moto needs none to store messages.
        String arn = stack.sns().createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        resources.created(resource.logicalId(), resource.type(), arn,
                Map.of("TopicArn", () -> arn, "TopicName", () -> name));
    }

    private void subscription(String id, Map<String, Object> properties, boolean isResource) {
        String protocol;
        String topicArn;
        String endpoint;
        try {
            protocol = resources.resolveString(properties.get("Protocol"));
            topicArn = resources.resolveString(properties.get("TopicArn"));
            endpoint = resources.resolveString(properties.get("Endpoint"));
        } catch (UnresolvableReferenceException e) {
            resources.skipped(id, SUBSCRIPTION, "its topic or endpoint is not local: " + e.getMessage());
            return;
        }
        if (!"sqs".equals(protocol)) {
            resources.skipped(id, SUBSCRIPTION, "protocol " + protocol
                    + " is not delivered locally; only sqs subscriptions to the template's own queues are");
            return;
        }
        if (!queueArns.contains(endpoint)) {
            resources.skipped(id, SUBSCRIPTION, "endpoint " + endpoint + " is not a queue of " + template.source());
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : List.of("FilterPolicy", "RedrivePolicy", "DeliveryPolicy")) {
            Object value = resolved(properties.get(name), id, name);
            if (value != null) {
                attributes.put(name, value instanceof String text ? text : Json.write(value));
            }
        }
        for (String name : List.of("FilterPolicyScope", "RawMessageDelivery")) {
            Object value = resolved(properties.get(name), id, name);
            if (value != null) {
                attributes.put(name, String.valueOf(value));
            }
        }
        String arn = stack.sns().subscribe(b -> b.topicArn(topicArn).protocol(protocol).endpoint(endpoint)
                .attributes(attributes).returnSubscriptionArn(true)).subscriptionArn();
        if (isResource) {
            resources.created(id, SUBSCRIPTION, arn, Map.of());
        }
    }

    // ---- SQS ----

    private void queue(Resource resource) {
        boolean fifo = truthy(property(resource, "FifoQueue"));
        String name = physicalName(resource, "QueueName", generatedName(resource, 80, fifo ? ".fifo" : ""));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : QUEUE_ATTRIBUTES) {
            putIfPresent(attributes, resource, attribute);
        }
        // KmsMasterKeyId is left out, as for topics.
        String url;
        try {
            url = stack.sqs().createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
        } catch (QueueNameExistsException differentAttributes) {
            url = stack.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
            String existing = url;
            stack.sqs().setQueueAttributes(b -> b.queueUrl(existing).attributesWithStrings(attributes));
        }
        String queueUrl = url;
        String arn = stack.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueArns.add(arn);
        resources.created(resource.logicalId(), resource.type(), queueUrl,
                Map.of("Arn", () -> arn, "QueueUrl", () -> queueUrl, "QueueName", () -> name));
    }

    /** Redrive policies name other queues by ARN, so they are set once every queue exists. */
    private void queuePolicies(Resource resource) {
        if (!resources.isCreated(resource.logicalId())) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : QUEUE_JSON_ATTRIBUTES) {
            Object value = property(resource, name);
            if (value != null) {
                attributes.put(name, value instanceof String text ? text : Json.write(value));
            }
        }
        if (!attributes.isEmpty()) {
            String url = resources.queueUrl(resource.logicalId());
            stack.sqs().setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(attributes));
        }
    }

    // ---- S3 ----

    private void bucket(Resource resource) {
        String name = physicalName(resource, "BucketName", bucketName(generatedName(resource, 255, "")));
        try {
            if (stack.region().id().equals("us-east-1")) {
                stack.s3().createBucket(b -> b.bucket(name));
            } else {
                stack.s3().createBucket(b -> b.bucket(name)
                        .createBucketConfiguration(c -> c.locationConstraint(stack.region().id())));
            }
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // Provisioning again without a reset: keep the bucket and its objects.
        }
        Map<String, Object> versioning = map(property(resource, "VersioningConfiguration"));
        if (versioning.get("Status") != null) {
            // Versioning changes what PutObject returns and keeps: emulate it. Encryption and access blocks are not.
            String status = string(versioning.get("Status"), resource, "VersioningConfiguration.Status");
            stack.s3().putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(status)));
        }
        String region = stack.region().id();
        resources.created(resource.logicalId(), resource.type(), name, Map.of(
                "Arn", () -> "arn:aws:s3:::" + name,
                "DomainName", () -> name + ".s3.amazonaws.com",
                "RegionalDomainName", () -> name + ".s3." + region + ".amazonaws.com"));
    }

    /** A DNS-safe bucket name from a logical id: lower case, only letters, digits and hyphens, 3 to 63 long. */
    static String bucketName(String logicalId) {
        String name = logicalId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        if (name.length() < 3) {
            name = (name + "-bucket").replaceAll("^-+", "");
        }
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }

    // ---- SSM and Secrets Manager ----

    private void parameter(Resource resource) {
        String name = physicalName(resource, "Name", generatedName(resource, 255, ""));
        String type = Optional.ofNullable(optionalString(property(resource, "Type"), resource, "Type")).orElse("String");
        String value;
        try {
            value = resources.resolveString(resource.properties().get("Value"));
        } catch (UnresolvableReferenceException e) {
            resources.skipped(resource.logicalId(), resource.type(), "its Value is not local: " + e.getMessage());
            return;
        }
        stack.ssm().putParameter(b -> b.name(name).type(type).value(value).overwrite(true));
        resources.created(resource.logicalId(), resource.type(), name, Map.of("Type", () -> type, "Value", () -> value));
    }

    private void secret(Resource resource) {
        String name = physicalName(resource, "Name", generatedName(resource, 255, ""));
        String value;
        try {
            value = secretValue(resource);
        } catch (UnresolvableReferenceException e) {
            resources.skipped(resource.logicalId(), resource.type(), "its SecretString is not local: " + e.getMessage());
            return;
        }
        String arn;
        try {
            arn = stack.secretsManager().createSecret(b -> b.name(name).secretString(value)).arn();
        } catch (ResourceExistsException alreadyThere) {
            if (resource.properties().get("SecretString") == null) {
                // A generated secret keeps its value when the stack is updated, as in CloudFormation: provisioning a
                // running stack again (a second command against it) must not rotate its keys under what is running.
                arn = stack.secretsManager().describeSecret(b -> b.secretId(name)).arn();
            } else {
                arn = stack.secretsManager().putSecretValue(b -> b.secretId(name).secretString(value)).arn();
            }
        }
        resources.created(resource.logicalId(), resource.type(), arn, Map.of());
    }

    /** SecretString as given, or what GenerateSecretString asks for: random text, optionally inside a JSON template. */
    private String secretValue(Resource resource) {
        Object secretString = resource.properties().get("SecretString");
        if (secretString != null) {
            return resources.resolveString(secretString);
        }
        Map<String, Object> generate = map(property(resource, "GenerateSecretString"));
        int length = generate.get("PasswordLength") == null ? 32
                : Integer.parseInt(string(generate.get("PasswordLength"), resource, "PasswordLength"));
        String password = randomPassword(length);
        Object template = generate.get("SecretStringTemplate");
        Object key = generate.get("GenerateStringKey");
        if (template == null || key == null) {
            return password;
        }
        String json = String.valueOf(template).trim();
        String field = Json.write(String.valueOf(key)) + ":" + Json.write(password);
        return json.equals("{}") ? "{" + field + "}" : json.substring(0, json.lastIndexOf('}')) + "," + field + "}";
    }

    private static String randomPassword(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        return random.ints(length, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(Collectors.joining());
    }

    // ---- helpers ----

    /** Runs one resource's creation, turning the emulator's refusal into an error that names the resource. */
    void attempt(Resource resource, Runnable creation) {
        try {
            creation.run();
        } catch (SdkException e) {
            throw new ProvisioningException(resource.logicalId() + " (" + resource.type() + ", "
                    + template.where(resource.raw()) + "): the emulator refused it: " + e.getMessage(), e);
        } catch (UnresolvableReferenceException e) {
            throw new ProvisioningException(resource.logicalId() + " (" + resource.type() + "): " + e.getMessage(), e);
        }
    }

    /**
     * The name of a resource whose template gives it none: its logical id in the default local stack, else the stack
     * name and the logical id, as CloudFormation names it (less its random suffix), cut to the service's limit.
     */
    String generatedName(Resource resource, int limit, String suffix) {
        String base = LocalResources.STACK_NAME.equals(resources.stackName()) ? resource.logicalId()
                : resources.stackName() + "-" + resource.logicalId();
        return (base.length() + suffix.length() > limit ? base.substring(0, limit - suffix.length()) : base) + suffix;
    }

    /** The name property when it resolves to a string (e.g. a plain name or a !Sub of parameters), else the fallback. */
    String physicalName(Resource resource, String property, String fallback) {
        Object value = resource.properties().get(property);
        if (value == null) {
            return fallback;
        }
        try {
            return resources.resolveString(value);
        } catch (UnresolvableReferenceException e) {
            return fallback;
        }
    }

    Object property(Resource resource, String name) {
        return resolved(resource.properties().get(name), resource.logicalId(), name);
    }

    private Object resolved(Object value, String logicalId, String property) {
        try {
            return resources.resolve(value);
        } catch (UnresolvableReferenceException e) {
            throw new UnresolvableReferenceException(logicalId + "." + property + ": " + e.getMessage(), e);
        }
    }

    private void putIfPresent(Map<String, String> attributes, Resource resource, String name) {
        Object value = property(resource, name);
        if (value != null) {
            attributes.put(name, String.valueOf(value));
        }
    }

    String string(Object value, Resource resource, String what) {
        String text = optionalString(value, resource, what);
        if (text == null) {
            throw new ProvisioningException(resource.logicalId() + " (" + template.where(resource.raw()) + "): "
                    + what + " is missing");
        }
        return text;
    }

    String optionalString(Object value, Resource resource, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ProvisioningException(resource.logicalId() + " (" + template.where(resource.raw()) + "): "
                    + what + " must be a single value, not " + Intrinsics.render(value));
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static <T> T poll(String what, Supplier<T> check) {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        long pause = 5;
        while (true) {
            T result = check.get();
            if (result != null) {
                return result;
            }
            if (System.nanoTime() > deadline) {
                throw new ProvisioningException("timed out after " + ACTIVE_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    private String skipReason(Resource resource) {
        String type = resource.type();
        if (type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function")) {
            return "moto does not run Lambda functions: call the handler in-process with the environment from "
                    + "LocalResources.environmentOf(\"" + resource.logicalId() + "\")";
        }
        return SKIP_REASONS.entrySet().stream()
                .filter(entry -> type.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("the local stack does not emulate " + type);
    }

    private static Map<String, String> skipReasons() {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("AWS::Lambda::", "Lambda configuration; moto does not run Lambda functions");
        reasons.put("AWS::KMS::", "only keys and aliases are created locally, and they encrypt nothing");
        reasons.put("AWS::IAM::", "IAM policies are not enforced locally");
        reasons.put("AWS::SNS::TopicPolicy", "access policies are not enforced locally");
        reasons.put("AWS::SQS::QueuePolicy", "access policies are not enforced locally");
        reasons.put("AWS::S3::BucketPolicy", "access policies are not enforced locally");
        reasons.put("AWS::Logs::", "only log groups are created locally; nothing is logged to them");
        reasons.put("AWS::CloudWatch::", "metrics and alarms are not emulated (moto does not serve the SDK's CloudWatch"
                + " protocol, Smithy RPC v2 CBOR)");
        reasons.put("AWS::Events::", "EventBridge rules do not fire locally: drive the handler with the event instead");
        reasons.put("AWS::Scheduler::", "schedules do not fire locally: drive the handler instead");
        reasons.put("AWS::Serverless::", "SAM resource the local stack does not emulate");
        return Collections.unmodifiableMap(reasons);
    }
}
