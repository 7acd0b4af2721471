package dev.firebell.aws.sns;

import dev.firebell.aws.Json;
import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * Keeps the page topic's subscriptions in step with the people in the configuration: one subscription per
 * contact endpoint, with a filter policy on the {@code target} message attribute naming the people it
 * reaches ({@code {"target": ["person:alice"]}}), so SMS numbers and mailboxes live in SNS, not in our
 * code. Only subscriptions whose filter names people ({@code person:} targets only) are Firebell's to
 * change; anything subscribed by hand (a team mailbox filtering on {@code team-checkout}) is left alone.
 * Reconciling twice changes nothing.
 */
public final class PersonSubscriptions {

    /** What SNS shows instead of an ARN until an email or HTTPS endpoint confirms. */
    static final String PENDING = "PendingConfirmation";

    /** One difference between the configuration and the topic. */
    public record Change(Kind kind, String protocol, String endpoint, List<String> targets, String subscriptionArn) {

        public enum Kind {
            /** A contact has no subscription yet. */
            SUBSCRIBE,
            /** The endpoint is subscribed, but for other people. */
            REFILTER,
            /** Nobody in the configuration has this endpoint any more. */
            UNSUBSCRIBE,
            /** Subscribed and waiting for its owner to confirm (email, https): nothing can change it until then. */
            AWAITING_CONFIRMATION
        }

        @Override
        public String toString() {
            String sign = switch (kind) {
                case SUBSCRIBE -> "+";
                case REFILTER -> "~";
                case UNSUBSCRIBE -> "-";
                case AWAITING_CONFIRMATION -> "?";
            };
            return sign + " subscription " + protocol + " " + endpoint + (targets.isEmpty() ? "" : " -> " + targets)
                    + (kind == Kind.AWAITING_CONFIRMATION ? " (waiting for its owner to confirm)" : "");
        }
    }

    private final SnsClient sns;
    private final String topicArn;

    public PersonSubscriptions(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    /** What {@link #apply} would do for these people: reads the topic, changes nothing. */
    public List<Change> plan(Collection<Person> people) {
        Map<Endpoint, List<String>> wanted = wanted(people);
        Map<Endpoint, Existing> existing = existing();
        List<Change> changes = new ArrayList<>();
        wanted.forEach((endpoint, reaching) -> {
            Existing e = existing.get(endpoint);
            List<String> targets = reaching;
            if (e != null && e.arn() != null && !e.managed()) {
                if (e.targets().isEmpty()) {
                    return; // subscribed by hand without a filter: it already receives every page
                }
                // Subscribed by hand for other targets too: add the people, keep what was there.
                TreeSet<String> merged = new TreeSet<>(e.targets());
                merged.addAll(reaching);
                targets = List.copyOf(merged);
            }
            if (e == null) {
                changes.add(new Change(Change.Kind.SUBSCRIBE, endpoint.protocol(), endpoint.address(), targets, null));
            } else if (e.arn() == null) {
                changes.add(new Change(Change.Kind.AWAITING_CONFIRMATION, endpoint.protocol(), endpoint.address(), targets,
                        null));
            } else if (!e.targets().equals(targets)) {
                changes.add(new Change(Change.Kind.REFILTER, endpoint.protocol(), endpoint.address(), targets, e.arn()));
            }
        });
        existing.forEach((endpoint, e) -> {
            if (!wanted.containsKey(endpoint) && e.managed() && e.arn() != null) {
                changes.add(new Change(Change.Kind.UNSUBSCRIBE, endpoint.protocol(), endpoint.address(), e.targets(),
                        e.arn()));
            }
        });
        return changes;
    }

    /** Subscribes and re-filters: do this before storing a configuration that pages the new people. */
    public void addAndRefilter(List<Change> changes) {
        for (Change c : changes) {
            if (c.kind() == Change.Kind.SUBSCRIBE) {
                sns.subscribe(r -> r.topicArn(topicArn).protocol(c.protocol()).endpoint(c.endpoint())
                        .attributes(Map.of("FilterPolicy", filterPolicy(c.targets()),
                                "FilterPolicyScope", "MessageAttributes"))
                        .returnSubscriptionArn(true));
            } else if (c.kind() == Change.Kind.REFILTER) {
                sns.setSubscriptionAttributes(r -> r.subscriptionArn(c.subscriptionArn()).attributeName("FilterPolicy")
                        .attributeValue(filterPolicy(c.targets())));
            }
        }
    }

    /** Unsubscribes endpoints nobody has any more: do this after the configuration no longer pages them. */
    public void removeUnwanted(List<Change> changes) {
        for (Change c : changes) {
            if (c.kind() == Change.Kind.UNSUBSCRIBE) {
                sns.unsubscribe(r -> r.subscriptionArn(c.subscriptionArn()));
            }
        }
    }

    static String filterPolicy(List<String> targets) {
        return Json.write(Map.of("target", targets));
    }

    /** Endpoints compared as SNS compares them: protocol, and the address (email case-insensitively). */
    private record Endpoint(String protocol, String address) {
        static Endpoint of(String protocol, String address) {
            String p = protocol.toLowerCase(Locale.ROOT);
            return new Endpoint(p, p.equals("email") ? address.toLowerCase(Locale.ROOT) : address);
        }
    }

    private record Existing(String arn, List<String> targets, boolean managed) {
    }

    private static Map<Endpoint, List<String>> wanted(Collection<Person> people) {
        Map<Endpoint, TreeSet<String>> grouped = new LinkedHashMap<>();
        for (Person p : people) {
            for (Contact c : p.contacts()) {
                grouped.computeIfAbsent(Endpoint.of(c.protocol().sns(), c.endpoint()), k -> new TreeSet<>())
                        .add(p.pageTarget());
            }
        }
        Map<Endpoint, List<String>> out = new LinkedHashMap<>();
        grouped.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private Map<Endpoint, Existing> existing() {
        Map<Endpoint, Existing> out = new LinkedHashMap<>();
        for (Subscription s : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions()) {
            Endpoint endpoint = Endpoint.of(s.protocol(), s.endpoint());
            if (PENDING.equals(s.subscriptionArn()) || s.subscriptionArn() == null || !s.subscriptionArn().startsWith("arn:")) {
                out.put(endpoint, new Existing(null, List.of(), true));
                continue;
            }
            String policy = sns.getSubscriptionAttributes(r -> r.subscriptionArn(s.subscriptionArn()))
                    .attributes().get("FilterPolicy");
            List<String> targets = targetsOf(policy);
            boolean managed = !targets.isEmpty() && targets.stream().allMatch(t -> t.startsWith(Person.TARGET_PREFIX));
            out.put(endpoint, new Existing(s.subscriptionArn(), targets, managed));
        }
        return out;
    }

    /** The sorted {@code target} values of a filter policy that filters on nothing else; empty otherwise. */
    static List<String> targetsOf(String filterPolicy) {
        if (filterPolicy == null || filterPolicy.isBlank()) {
            return List.of();
        }
        try {
            Map<String, Object> policy = Json.readObject(filterPolicy);
            if (policy.size() != 1 || !(policy.get("target") instanceof List<?> values)) {
                return List.of();
            }
            TreeSet<String> out = new TreeSet<>();
            for (Object v : values) {
                if (!(v instanceof String s)) {
                    return List.of();
                }
                out.add(s);
            }
            return List.copyOf(out);
        } catch (IOException e) {
            return List.of();
        }
    }
}
