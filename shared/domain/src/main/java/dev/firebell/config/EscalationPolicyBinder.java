package dev.firebell.config;

import static dev.firebell.config.ConfigNames.bindEach;
import static dev.firebell.config.ConfigNames.checkPerson;
import static dev.firebell.config.ConfigNames.require;

import dev.firebell.escalation.EscalationLevel;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.person.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds the escalationPolicies section: levels, their delays and targets, repeats and the fallback. */
final class EscalationPolicyBinder {

    static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(15);
    static final Duration MIN_ESCALATE_AFTER = Duration.ofMinutes(1);
    static final Duration MAX_ESCALATE_AFTER = Duration.ofDays(7);

    private EscalationPolicyBinder() {
    }

    static Map<String, EscalationPolicy> policies(ConfigNode section, OnCallConfig onCall) {
        return bindEach(section, "escalation policy", Set.of("description", "levels", "repeat", "fallback"),
                (name, p) -> policy(name, p, onCall));
    }

    private static EscalationPolicy policy(String name, ConfigNode p, OnCallConfig onCall) {
        List<ConfigNode> levelNodes = p.get("levels").items();
        if (levelNodes.isEmpty()) {
            p.get("levels").problem("is required: list at least one level ('- escalateAfter: 10m' with 'targets:')");
        }
        if (levelNodes.size() > EscalationPolicy.MAX_LEVELS) {
            p.get("levels").problem("has " + levelNodes.size() + " levels; at most " + EscalationPolicy.MAX_LEVELS);
        }
        List<EscalationLevel> levels = new ArrayList<>();
        for (ConfigNode l : levelNodes) {
            l.allowOnly(Set.of("escalateAfter", "targets"));
            Duration after = l.get("escalateAfter").duration(DEFAULT_ESCALATE_AFTER);
            if (after.compareTo(MIN_ESCALATE_AFTER) < 0 || after.compareTo(MAX_ESCALATE_AFTER) > 0) {
                l.get("escalateAfter").problem("must be between 1m and 7d, found " + after);
            }
            List<EscalationTarget> targets = targets(l.get("targets"), onCall, true);
            levels.add(new EscalationLevel(after, targets));
        }
        int repeat = p.get("repeat").integer(0, 0, EscalationPolicy.MAX_REPEAT);
        List<EscalationTarget> fallback = targets(p.get("fallback"), onCall, false);
        return levels.isEmpty() ? null
                : new EscalationPolicy(name, p.get("description").string(null), levels, repeat, fallback);
    }

    private static List<EscalationTarget> targets(ConfigNode node, OnCallConfig onCall, boolean required) {
        List<EscalationTarget> out = new ArrayList<>();
        List<ConfigNode> items = node.items();
        if (required && items.isEmpty()) {
            node.problem("is required: list who this level pages ('- rotation: <name>', '- schedule: <name>',"
                    + " '- person: <name>' or '- snsTarget: <value>')");
        }
        for (ConfigNode t : items) {
            if (!(t.raw() instanceof Map<?, ?> map) || map.size() != 1) {
                t.problem("a target is one of '- rotation: <name>', '- schedule: <name>', '- person: <name>',"
                        + " '- snsTarget: <value>'");
                continue;
            }
            String key = String.valueOf(map.keySet().iterator().next());
            ConfigNode value = t.get(key);
            String name = value.requiredString();
            if (name == null) {
                continue;
            }
            EscalationTarget.Kind kind = null;
            for (EscalationTarget.Kind k : EscalationTarget.Kind.values()) {
                if (k.key().equals(key)) {
                    kind = k;
                }
            }
            if (kind == null) {
                value.problem("'" + key + "' is not a target kind; use rotation, schedule, person or snsTarget");
                continue;
            }
            boolean exists = switch (kind) {
                case PERSON -> checkPerson(value, name, onCall.people());
                case ROTATION -> require(value, name, onCall.rotations().keySet(), "rotation", "rotations");
                case SCHEDULE -> require(value, name, onCall.schedules().keySet(), "schedule", "schedules");
                case SNS_TARGET -> {
                    if (name.startsWith(Person.TARGET_PREFIX)) {
                        value.problem("'" + name + "' looks like a person's target; write '- person: "
                                + Person.idOfTarget(name) + "' instead");
                        yield false;
                    }
                    yield true;
                }
            };
            if (exists) {
                out.add(new EscalationTarget(kind, name));
            }
        }
        return out;
    }
}
