package dev.firebell.cli;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.sns.PersonSubscriptions;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

/** Where the local stack comes from: started here (the default) or an already running one. */
final class StackOptions {

    @Option(names = "--endpoint", description = "Use the emulator already running at this URL (e.g. one started"
            + " by 'firebell stack') instead of starting a new one. Its resources are created if missing.")
    URI endpoint;

    @Option(names = "--template", description = "The SAM template (default: template.yaml found from the current directory).")
    Path template;

    SamTemplate loadTemplate() {
        return SamTemplate.load(template != null ? template : SamTemplate.locate());
    }

    /** Starts (or attaches to) the emulator and points this process's AWS SDK at it. */
    LocalStack open() {
        return open(LocalStack.DEFAULT_REGION);
    }

    /** The same, with the stack in {@code region} (its resources, and what the functions take for their home). */
    LocalStack open(Region region) {
        LocalStack stack = endpoint != null ? LocalStack.attach(endpoint, region) : LocalStack.start(region);
        stack.exportSdkSettings();
        return stack;
    }

    /** What runs on a stack's table: its client, its name, and the local stack's resources (null for a deployed one). */
    interface OnTable<T> {
        T run(DynamoDbClient dynamo, String table, LocalResources local);
    }

    /**
     * Runs {@code action} on the deployed table {@code table} (with the SDK's standard credentials, region and endpoint
     * settings), else on the local stack at {@code --endpoint} (its table unless {@code table} names another).
     *
     * @param missing what to tell the user when neither is given
     */
    <T> T onTable(String table, String missing, OnTable<T> action) {
        if (table != null && endpoint == null) {
            try (DynamoDbClient dynamo = DynamoDbClient.create()) {
                return action.run(dynamo, table, null);
            }
        }
        if (endpoint == null) {
            throw new IllegalArgumentException(missing);
        }
        try (LocalStack local = open()) {
            LocalResources resources = provision(local);
            return action.run(local.dynamoDb(), table != null ? table : resources.tableName("FirebellTable"), resources);
        }
    }

    /** The stack's public endpoint: the one given, else the local stack's (what its functions are given), else null. */
    static String publicBase(String given, LocalResources local) {
        return given != null || local == null ? given : local.environmentOf("EscalationFunction").get("PUBLIC_BASE_URL");
    }

    LocalResources provision(LocalStack stack) {
        return stack.provision(loadTemplate());
    }

    /** With template parameters set, as {@code sam deploy --parameter-overrides} would. */
    LocalResources provision(LocalStack stack, Map<String, String> parameters) {
        return stack.provision(loadTemplate(), parameters);
    }

    /**
     * Validates a configuration file or directory, subscribes its people's contacts to the local page topic
     * and stores it in the local table; returns what changed.
     */
    static ConfigApplier.Changes applyConfig(LocalStack stack, LocalResources resources, Path config, String appliedBy) {
        YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(config);
        loaded.validate();
        return new ConfigApplier(new DynamoConfigStore(stack.dynamoDb(), resources.tableName("FirebellTable"),
                InstantSource.system(), Duration.ZERO), new PersonSubscriptions(stack.sns(), resources.topicArn("PageTopic")))
                .apply(loaded.document(), appliedBy);
    }
}
