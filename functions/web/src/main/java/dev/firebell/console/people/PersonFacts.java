package dev.firebell.console.people;

import dev.firebell.calendar.FeedSubject;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationLevel;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.person.Contact;
import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.service.ServicePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a person's page says about them, read from the configuration: where they take part, how they are reached. */
final class PersonFacts {

    private PersonFacts() {
    }

    /** One way a service's escalation reaches the person: the level, and directly or through which rotation or schedule. */
    record Escalation(String service, String policy, int level, String via) {
    }

    /** The rotations they take turns in and the schedules layering one of those, rotations first, each by name. */
    static List<FeedSubject> sourcesOf(OnCallConfig config, String personId) {
        List<FeedSubject> out = new ArrayList<>();
        new TreeMap<>(config.rotations()).forEach((name, rotation) -> {
            if (rotation.participants().contains(personId)) {
                out.add(FeedSubject.rotation(name));
            }
        });
        new TreeMap<>(config.schedules()).forEach((name, schedule) -> {
            if (inSchedule(config, schedule, personId)) {
                out.add(FeedSubject.schedule(name));
            }
        });
        return out;
    }

    /** Every level of every service's escalation policy that pages them, by service name. */
    static List<Escalation> escalations(FirebellConfig config, String personId) {
        List<Escalation> out = new ArrayList<>();
        for (Map.Entry<String, ServicePolicy> service : new TreeMap<>(config.services()).entrySet()) {
            String policyName = service.getValue().escalationPolicy();
            EscalationPolicy policy = policyName == null ? null : config.escalationPolicies().get(policyName);
            if (policy == null) {
                continue;
            }
            List<EscalationLevel> levels = policy.levels();
            for (int i = 0; i < levels.size(); i++) {
                for (EscalationTarget target : levels.get(i).targets()) {
                    String via = via(config.onCall(), target, personId);
                    if (via != null) {
                        out.add(new Escalation(service.getKey(), policyName, i + 1, via));
                    }
                }
            }
        }
        return out;
    }

    /** How a target reaches the person ("directly", "rotation x", "schedule y"), or null when it does not. */
    private static String via(OnCallConfig config, EscalationTarget target, String personId) {
        switch (target.kind()) {
            case PERSON:
                return target.name().equals(personId) ? "directly" : null;
            case ROTATION:
                Rotation rotation = config.rotations().get(target.name());
                return rotation != null && rotation.participants().contains(personId)
                        ? "rotation " + target.name() : null;
            case SCHEDULE:
                Schedule schedule = config.schedules().get(target.name());
                return schedule != null && inSchedule(config, schedule, personId) ? "schedule " + target.name() : null;
            default:
                return null;
        }
    }

    private static boolean inSchedule(OnCallConfig config, Schedule schedule, String personId) {
        for (Layer layer : schedule.layers()) {
            Rotation rotation = config.rotations().get(layer.rotation());
            if (rotation != null && rotation.participants().contains(personId)) {
                return true;
            }
        }
        return false;
    }

    /** A contact as the page shows it: enough to recognise it, not enough to read someone's number off a screen. */
    static String masked(Contact contact) {
        String endpoint = contact.endpoint();
        switch (contact.protocol()) {
            case SMS:
                return "SMS ending " + tail(endpoint.replaceAll("[^0-9]", ""), 2);
            case EMAIL:
                int at = endpoint.indexOf('@');
                return at <= 0 ? "E-mail" : "E-mail " + endpoint.charAt(0) + "…" + endpoint.substring(at);
            case HTTPS:
                try {
                    String host = java.net.URI.create(endpoint).getHost();
                    return host == null ? "HTTPS endpoint" : "HTTPS endpoint at " + host;
                } catch (IllegalArgumentException e) {
                    return "HTTPS endpoint";
                }
            case SQS:
                return "SQS queue " + endpoint.substring(endpoint.lastIndexOf(':') + 1);
            case LAMBDA:
                return "Lambda function " + endpoint.substring(endpoint.lastIndexOf(':') + 1);
            default:
                return contact.protocol().sns();
        }
    }

    private static String tail(String text, int n) {
        return text.length() <= n ? text : text.substring(text.length() - n);
    }
}
