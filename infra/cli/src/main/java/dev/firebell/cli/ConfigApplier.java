package dev.firebell.cli;

import dev.firebell.aws.dynamodb.ConfigChange;
import dev.firebell.aws.dynamodb.DynamoConfigStore;
import dev.firebell.aws.dynamodb.DynamoHeartbeatStore;
import dev.firebell.aws.sns.PersonSubscriptions;
import dev.firebell.config.ConfigBinder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.TokenChange;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Applies a validated configuration: the people's SNS subscriptions, the stored configuration and heartbeat monitors'
 * ping tokens, in the order that never pages into the void. New subscriptions (and changed filters) come first, so that no
 * stored configuration pages a person SNS cannot reach yet; subscriptions nobody needs any more go last,
 * once the configuration that paged them is replaced. Each step is idempotent, so running apply again
 * after a failure finishes the job, and running it twice changes nothing.
 */
final class ConfigApplier {

    /** What changed, or would change: configuration items, subscriptions and heartbeat monitors' ping tokens. */
    record Changes(List<ConfigChange> config, List<PersonSubscriptions.Change> subscriptions, List<TokenChange> tokens) {
        boolean isEmpty() {
            return config.isEmpty() && tokens.isEmpty() && subscriptions.stream()
                    .allMatch(c -> c.kind() == PersonSubscriptions.Change.Kind.AWAITING_CONFIRMATION);
        }
    }

    private final DynamoConfigStore store;
    private final PersonSubscriptions subscriptions;
    private final HeartbeatStore heartbeats;

    /** @param subscriptions null to leave SNS alone (the configuration is stored, nobody is subscribed) */
    ConfigApplier(DynamoConfigStore store, PersonSubscriptions subscriptions) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.heartbeats = DynamoHeartbeatStore.besides(store);
    }

    Changes diff(Map<String, Object> document) {
        return new Changes(store.diff(document), planSubscriptions(document),
                TokenChange.plan(heartbeats, monitors(document)));
    }

    Changes apply(Map<String, Object> document, String appliedBy) {
        List<PersonSubscriptions.Change> plan = planSubscriptions(document);
        if (subscriptions != null) {
            subscriptions.addAndRefilter(plan);
        }
        List<ConfigChange> stored = store.apply(document, appliedBy);
        if (subscriptions != null) {
            subscriptions.removeUnwanted(plan);
        }
        // After the configuration: a monitor is declared before it can be pinged, and forgotten after it is not.
        return new Changes(stored, plan, TokenChange.apply(heartbeats, monitors(document)));
    }

    private static java.util.Set<String> monitors(Map<String, Object> document) {
        return new ConfigBinder().bind(document).heartbeats().keySet();
    }

    private List<PersonSubscriptions.Change> planSubscriptions(Map<String, Object> document) {
        if (subscriptions == null) {
            return List.of();
        }
        FirebellConfig config = new ConfigBinder().bind(document);
        return subscriptions.plan(config.onCall().people().values());
    }

    static void print(Changes changes, PrintStream out) {
        ConfigCommand.printChanges(changes.config(), out);
        for (PersonSubscriptions.Change c : changes.subscriptions()) {
            out.println(c);
        }
        for (TokenChange c : changes.tokens()) {
            out.println(c);
        }
    }
}
