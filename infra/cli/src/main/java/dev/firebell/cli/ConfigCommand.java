package dev.firebell.cli;

import dev.firebell.aws.dynamodb.ConfigChange;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.Json;
import dev.firebell.aws.sns.PersonSubscriptions;
import dev.firebell.aws.sns.SmsSandbox;
import dev.firebell.config.ConfigBinder;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.person.Person;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Configuration as code: validate a file, compare it with what is stored, store it. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate, diff and apply the Firebell configuration (routing, services, people, rotations,"
                + " schedules, escalation policies, quiet hours, maintenance) and the people's SNS subscriptions.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Diff.class, ConfigCommand.Apply.class})
final class ConfigCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a configuration file or directory; every problem is printed with its file and line.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", description = "Configuration file or directory of .yaml files.")
        Path path;

        @Override
        public Integer call() {
            return checked(() -> {
                new YamlConfigLoader().load(path).validate();
                System.out.println(path + ": valid");
                return 0;
            });
        }
    }

    /** Where the configuration is stored: a deployed table, or the local stack's. */
    static final class Target {
        @Option(names = "--table", description = "DynamoDB table of a deployed stack (the IncidentsTableName output)."
                + " Uses the AWS SDK's standard credentials, region and endpoint settings.")
        String table;

        @Option(names = "--page-topic", description = "The page topic of a deployed stack (the PageTopicArn output):"
                + " people's contacts are subscribed to it. Required with --table when people have contacts.")
        String pageTopic;

        @Option(names = "--no-subscriptions", description = "Store the configuration only; leave SNS subscriptions alone.")
        boolean noSubscriptions;

        @Mixin
        StackOptions stack;
    }

    abstract static class StoreCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "Configuration file or directory of .yaml files.")
        Path path;

        @Mixin
        Target target = new Target();

        /** Whether SMS pages can reach the people's numbers, on a deployed stack; null on a local one. */
        SmsSandbox sandbox;

        abstract int run(ConfigApplier applier, DynamoConfigStore store, YamlConfigLoader.Loaded loaded, PrintStream out);

        @Override
        public Integer call() {
            return checked(() -> {
                YamlConfigLoader.Loaded loaded = new YamlConfigLoader().load(path);
                loaded.validate();
                if (target.table != null && target.stack.endpoint == null) {
                    String topic = pageTopic(loaded);
                    try (DynamoDbClient dynamo = DynamoDbClient.create();
                         SnsClient sns = topic == null ? null : SnsClient.create()) {
                        DynamoConfigStore store = new DynamoConfigStore(dynamo, target.table, InstantSource.system(),
                                Duration.ZERO);
                        sandbox = sns == null ? null : new SmsSandbox(sns);
                        return run(new ConfigApplier(store, topic == null ? null : new PersonSubscriptions(sns, topic)),
                                store, loaded, System.out);
                    }
                }
                if (target.stack.endpoint == null) {
                    throw new IllegalArgumentException("say where the configuration is stored: --table <name> for a"
                            + " deployed stack, or --endpoint <url> for a local stack started with './firebell stack'");
                }
                try (LocalStack local = target.stack.open()) {
                    LocalResources resources = target.stack.provision(local);
                    String table = target.table != null ? target.table : resources.tableName("FirebellTable");
                    String topic = target.pageTopic != null ? target.pageTopic : resources.topicArn("PageTopic");
                    DynamoConfigStore store = new DynamoConfigStore(local.dynamoDb(), table, InstantSource.system(),
                            Duration.ZERO);
                    return run(new ConfigApplier(store, target.noSubscriptions ? null
                            : new PersonSubscriptions(local.sns(), topic)), store, loaded, System.out);
                }
            });
        }

        static Collection<Person> people(YamlConfigLoader.Loaded loaded) {
            return new ConfigBinder().bind(loaded.document()).onCall().people().values();
        }

        /** The topic to subscribe people to on a deployed stack, or null to leave SNS alone. */
        private String pageTopic(YamlConfigLoader.Loaded loaded) {
            if (target.noSubscriptions) {
                return null;
            }
            if (target.pageTopic == null) {
                boolean contacts = people(loaded).stream().anyMatch(p -> !p.contacts().isEmpty());
                if (contacts) {
                    throw new IllegalArgumentException("people in this configuration have contacts: say which topic to"
                            + " subscribe them to with --page-topic <PageTopicArn output of the stack>, or store the"
                            + " configuration alone with --no-subscriptions");
                }
                return null;
            }
            return target.pageTopic;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "Show how the file differs from the stored configuration. Exit code 2 when they differ (for pipelines).")
    static final class Diff extends StoreCommand {
        @Override
        int run(ConfigApplier applier, DynamoConfigStore store, YamlConfigLoader.Loaded loaded, PrintStream out) {
            ConfigApplier.Changes changes = applier.diff(loaded.document());
            ConfigApplier.print(changes, out);
            return changes.isEmpty() ? 0 : 2;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Store the configuration as a new version; applying the same file again changes nothing. On a"
                    + " deployed stack, says when the account's SNS SMS sandbox keeps SMS pages from unverified numbers.")
    static final class Apply extends StoreCommand {
        @Override
        int run(ConfigApplier applier, DynamoConfigStore store, YamlConfigLoader.Loaded loaded, PrintStream out) {
            ConfigApplier.Changes changes = applier.apply(loaded.document(), System.getProperty("user.name"));
            ConfigApplier.print(changes, out);
            if (!changes.config().isEmpty()) {
                out.println("stored as configuration version " + store.currentVersion()
                        + "; functions use it within 30 seconds");
            }
            if (sandbox != null) {
                // Subscribed is not reachable: a sandboxed account texts verified numbers only (docs/deploy.md).
                sandbox.check(people(loaded)).lines().forEach(out::println);
            }
            return 0;
        }
    }

    static void printChanges(List<ConfigChange> changes, PrintStream out) {
        if (changes.isEmpty()) {
            out.println("no changes: the stored configuration is the same");
            return;
        }
        for (ConfigChange c : changes) {
            out.println(c);
            if (c.kind() == ConfigChange.Kind.CHANGED) {
                out.println("    stored: " + Json.write(c.before()));
                out.println("    file:   " + Json.write(c.after()));
            }
        }
    }

    /** Configuration problems are the user's to fix: print them plainly, exit 1, no stack trace. */
    static int checked(Callable<Integer> action) {
        try {
            return action.call();
        } catch (YamlConfigLoader.LocatedConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
