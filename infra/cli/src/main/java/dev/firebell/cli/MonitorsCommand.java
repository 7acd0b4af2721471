package dev.firebell.cli;

import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoHeartbeatStore;
import dev.firebell.config.FirebellConfig;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.HeartbeatTokens;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Heartbeat monitors of a stack: their state and last ping, their ping URLs, and token rotation (docs/heartbeats.md). */
@Command(name = "monitors", mixinStandardHelpOptions = true,
        description = "Heartbeat monitors: list them with their state and last ping, print a monitor's ping URL, rotate"
                + " its token.",
        subcommands = {MonitorsCommand.ListMonitors.class, MonitorsCommand.Url.class, MonitorsCommand.Rotate.class})
final class MonitorsCommand {

    /** A deployed stack's table, or the local stack's. */
    static final class Source {
        @Option(names = "--table", description = "DynamoDB table of a deployed stack (the IncidentsTableName output).")
        String table;

        @Option(names = "--base-url", description = "The stack's public endpoint (the PublicEndpointUrl output); the"
                + " local stack's by default.")
        String baseUrl;

        @Mixin
        StackOptions stack = new StackOptions();

        /** Runs {@code action} with the stored configuration, the monitors' store and the public base URL (or null). */
        <T> T with(Action<T> action) {
            return stack.onTable(table, "say where the monitors are: --table <name> of a deployed stack, or --endpoint"
                    + " <url> of a local stack started with './firebell stack'", (dynamo, name, local) -> {
                        String base = StackOptions.publicBase(baseUrl, local);
                        DynamoConfigStore config = new DynamoConfigStore(dynamo, name, InstantSource.system(),
                                Duration.ZERO);
                        return action.run(config.current(), new DynamoHeartbeatStore(dynamo, name), base);
                    });
        }
    }

    interface Action<T> {
        T run(FirebellConfig config, HeartbeatStore store, String baseUrl);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every declared monitor: service, severity, interval and grace, state, last ping, next deadline.")
    static final class ListMonitors implements Callable<Integer> {
        @Mixin
        AtOption at;

        @Mixin
        Source source;

        @Override
        public Integer call() {
            return ConfigCommand.checked(() -> source.with((config, store, base) -> {
                MonitorTable.print(config, store, at.instant(), System.out);
                return 0;
            }));
        }
    }

    /** A command about one monitor: checks it is declared and has a token, then prints the URLs of {@link #token}. */
    abstract static class OneMonitor implements Callable<Integer> {
        @Parameters(index = "0", description = "The monitor's name.")
        String name;

        @Mixin
        Source source;

        /** The token whose URLs are printed, given the monitor's current one. */
        abstract String token(HeartbeatStore store, String current);

        @Override
        public Integer call() {
            return ConfigCommand.checked(() -> source.with(tokenOf(name, this::token)));
        }
    }

    @Command(name = "url", mixinStandardHelpOptions = true,
            description = "Print a monitor's ping URL (secret: whoever has it can ping), with /start and /fail.")
    static final class Url extends OneMonitor {
        @Override
        String token(HeartbeatStore store, String current) {
            return current;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Give a monitor a new token at once (no redeploy): the old URL answers 404 from now on.")
    static final class Rotate extends OneMonitor {
        @Override
        String token(HeartbeatStore store, String current) {
            String token = HeartbeatTokens.generate();
            store.rotateToken(name, token);
            System.out.println("rotated: the old URL of " + name + " stopped working; update the job to:");
            return token;
        }
    }

    /** Checks the monitor is declared and has a token, applies {@code then}, and prints the URLs of the token it returns. */
    private static Action<Integer> tokenOf(String name, BiFunction<HeartbeatStore, String, String> then) {
        return (config, store, base) -> {
            if (!config.heartbeats().containsKey(name)) {
                System.err.println("'" + name + "' is not a heartbeat monitor of the stored configuration"
                        + MonitorTable.declared(config));
                return 1;
            }
            String token = store.token(name).orElse(null);
            if (token == null) {
                System.err.println(name + " has no token yet: run './firebell config apply' with this configuration");
                return 1;
            }
            MonitorTable.printUrls(base, then.apply(store, token), System.out);
            return 0;
        };
    }
}
