package dev.firebell.config;

import static dev.firebell.config.ConfigNames.bindEach;
import static dev.firebell.config.ConfigNames.checkPerson;
import static dev.firebell.config.ConfigValues.daytime;
import static dev.firebell.config.ConfigValues.zone;

import dev.firebell.person.Contact;
import dev.firebell.person.Daytime;
import dev.firebell.person.Person;
import dev.firebell.person.Team;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds the people (names, time zones, contacts, daytimes) and teams sections. */
final class PeopleBinder {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:(sqs|lambda):[a-z0-9-]+:\\d{12}:.+");

    private PeopleBinder() {
    }

    static Map<String, Person> people(ConfigNode section) {
        return bindEach(section, "person", Set.of("name", "timeZone", "chatUserId", "contacts", "daytime"),
                PeopleBinder::person);
    }

    private static Person person(String id, ConfigNode p) {
        ZoneId zone = zone(p.get("timeZone"), true);
        List<Contact> contacts = new ArrayList<>();
        for (ConfigNode c : p.get("contacts").items()) {
            Contact contact = contact(c);
            if (contact != null) {
                contacts.add(contact);
            }
        }
        Daytime daytime = daytime(p.get("daytime"));
        return new Person(id, p.get("name").string(id), zone == null ? ZoneId.of("UTC") : zone,
                p.get("chatUserId").string(null), contacts, daytime);
    }

    private static Contact contact(ConfigNode c) {
        if (!(c.raw() instanceof Map<?, ?> map) || map.size() != 1) {
            c.problem("a contact is one protocol and its endpoint, e.g. '- sms: \"+33612345678\"' or"
                    + " '- email: alice@example.com' (protocols: sms, email, https, sqs, lambda)");
            return null;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        ConfigNode value = c.get(key);
        Contact.Protocol protocol;
        try {
            protocol = Contact.Protocol.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            value.problem("'" + key + "' is not a contact protocol; use sms, email, https, sqs or lambda");
            return null;
        }
        String endpoint = value.requiredString();
        if (endpoint == null) {
            return null;
        }
        endpoint = endpoint.trim();
        boolean valid = switch (protocol) {
            case SMS -> E164.matcher(endpoint).matches();
            case EMAIL -> EMAIL.matcher(endpoint).matches();
            case HTTPS -> endpoint.startsWith("https://") && endpoint.length() > "https://".length();
            case SQS, LAMBDA -> ARN.matcher(endpoint).matches() && endpoint.contains(":" + protocol.sns() + ":");
        };
        if (!valid) {
            value.problem("'" + endpoint + "' is not a valid " + protocol.sns() + " endpoint: " + switch (protocol) {
                case SMS -> "write the number in E.164 form, e.g. \"+33612345678\" (quoted)";
                case EMAIL -> "write an email address";
                case HTTPS -> "write an https:// URL";
                case SQS -> "write a queue ARN (arn:aws:sqs:region:account:name)";
                case LAMBDA -> "write a function ARN (arn:aws:lambda:region:account:function:name)";
            });
            return null;
        }
        return new Contact(protocol, endpoint);
    }

    static Map<String, Team> teams(ConfigNode section, Map<String, Person> people) {
        return bindEach(section, "team", Set.of("name", "members", "chatChannel"), (id, t) -> team(id, t, people));
    }

    private static Team team(String id, ConfigNode t, Map<String, Person> people) {
        List<String> members = new ArrayList<>();
        for (ConfigNode m : t.get("members").items()) {
            String person = m.requiredString();
            if (person != null && checkPerson(m, person, people)) {
                members.add(person);
            }
        }
        return new Team(id, t.get("name").string(id), members, t.get("chatChannel").string(null));
    }
}
