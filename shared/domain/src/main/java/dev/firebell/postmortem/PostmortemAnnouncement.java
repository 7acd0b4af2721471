package dev.firebell.postmortem;

import dev.firebell.incident.Incident;
import dev.firebell.metrics.Durations;
import dev.firebell.paging.PageMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "A postmortem draft is ready", for the page topic's subscribers. Its {@code event_type} attribute is
 * {@value #EVENT_TYPE}, and it has no {@code target} attribute: subscriptions that select pages by target (people's
 * phones, SMS) never receive it; tools and teams subscribe to it by event type.
 */
public final class PostmortemAnnouncement {

    public static final String EVENT_TYPE = "postmortem.drafted";

    /** SNS wants subjects under 100 characters. */
    static final int SUBJECT_LIMIT = 99;

    public PageMessage compose(PostmortemDraft draft, StoredDraft stored) {
        Incident i = draft.incident();
        String subject = ascii("[Firebell] Postmortem draft: " + i.severity() + " #" + i.id() + " " + i.service() + ": "
                + i.title());
        if (subject.length() > SUBJECT_LIMIT) {
            subject = subject.substring(0, SUBJECT_LIMIT - 3) + "...";
        }
        String sms = "Firebell: postmortem draft for incident #" + i.id() + " is ready.";

        StringBuilder email = new StringBuilder()
                .append("The postmortem draft for incident #").append(i.id()).append(" (").append(i.title())
                .append(") is ready.\n\n")
                .append("Service:   ").append(i.service()).append('\n')
                .append("Severity:  ").append(i.severity()).append('\n');
        if (draft.metrics().timeToResolve() != null) {
            email.append("Duration:  ").append(Durations.human(draft.metrics().timeToResolve())).append('\n');
        }
        email.append("Draft:     ").append(stored.location()).append(stored.versionId() != null
                ? " (version " + stored.versionId() + ")" : "").append('\n');
        if (stored.consoleUrl() != null) {
            email.append("Open:      ").append(stored.consoleUrl()).append('\n');
        }
        if (stored.retrieveCommand() != null) {
            email.append("Download:  ").append(stored.retrieveCommand()).append('\n');
        }
        if (!draft.findings().isEmpty()) {
            email.append("\n").append(draft.findings().size()).append(" phrase(s) in notes or the resolution may read as"
                    + " blame; the draft lists them at the top for review.\n");
        }
        email.append("\nThe facts are filled in; the judgement sections are prompts for the team.\n");

        Map<String, Object> location = new LinkedHashMap<>();
        location.put("uri", stored.location());
        putIfPresent(location, "versionId", stored.versionId());
        location.put("sha256", stored.sha256());
        putIfPresent(location, "consoleUrl", stored.consoleUrl());
        putIfPresent(location, "retrieveCommand", stored.retrieveCommand());

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 1);
        document.put("type", "postmortem");
        document.put("eventType", EVENT_TYPE);
        document.put("incidentId", i.id());
        document.put("title", i.title());
        document.put("service", i.service());
        document.put("severity", i.severity().name());
        document.put("status", "Draft");
        document.put("draft", location);
        document.put("blamelessFindings", draft.findings().size());

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("service", i.service());
        attributes.put("severity", i.severity().name());
        attributes.put("incident_id", i.id());
        attributes.put("event_type", EVENT_TYPE);
        return new PageMessage(subject, sms, email.toString(), document, attributes);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** SNS rejects subjects with control or non-ASCII characters. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : ' ');
        }
        return b.toString().trim();
    }
}
