package dev.firebell.paging;

import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.alarm.ConsoleLinks;
import dev.firebell.incident.Incident;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a page for SMS (short), email (subject and body) and machines (the full document). An alarm from another
 * account or region says where it is from in all three.
 */
public final class PageComposer {

    static final int SMS_LIMIT = 160;
    /** SNS requires an email subject shorter than 100 characters, printable ASCII only. */
    static final int SUBJECT_LIMIT = 99;

    private final Origins origins;

    public PageComposer() {
        this(Origins.NONE);
    }

    public PageComposer(Origins origins) {
        this.origins = origins;
    }

    public PageMessage compose(Incident incident, Page page) {
        String link = incident.region() != null && incident.alarmName() != null
                ? ConsoleLinks.alarm(incident.region(), incident.alarmName()) : null;
        Origin origin = origins.of(incident.accountId(), incident.region()).orElse(null);
        String headline = incident.severity() + " #" + incident.id() + " " + incident.service()
                + (origin == null ? "" : " (" + origin.brief() + ")") + ": " + incident.title();
        String verb = switch (page.reason()) {
            case ESCALATED -> "escalated";
            case ESCALATION_EXHAUSTED -> "unacknowledged after every escalation level";
            default -> "triggered";
        };

        String sms = truncate("Firebell " + headline + " " + verb + ". Ack: /incident ack " + incident.id(), SMS_LIMIT,
                "\u2026");
        String subject = truncate(asciiLine("[Firebell] " + headline), SUBJECT_LIMIT, "...");

        StringBuilder email = new StringBuilder()
                .append("Incident #").append(incident.id()).append(' ').append(verb).append(" and assigned to ")
                .append(page.target()).append(".\n\n")
                .append("Title:     ").append(incident.title()).append('\n')
                .append("Service:   ").append(incident.service()).append('\n')
                .append("Severity:  ").append(incident.severity()).append('\n')
                .append("Status:    ").append(incident.status()).append('\n');
        if (incident.triggeredAt() != null) {
            email.append("Triggered: ").append(incident.triggeredAt()).append(" (UTC)\n");
        }
        if (incident.reason() != null) {
            email.append("Reason:    ").append(incident.reason()).append('\n');
        }
        if (incident.alarmArn() != null) {
            email.append("Alarm:     ").append(incident.alarmArn()).append('\n');
        }
        if (origin != null && origin.otherAccount()) {
            email.append("Account:   ").append(origin.account()).append(", not Firebell's own\n");
        }
        if (origin != null) {
            email.append("Region:    ").append(origin.region()).append('\n');
        }
        if (link != null) {
            email.append("Console:   ").append(link).append('\n');
            if (ConsoleLinks.note(origin) != null) {
                email.append("           (").append(ConsoleLinks.note(origin)).append(")\n");
            }
        }
        email.append("\nAcknowledge in chat with: /incident ack ").append(incident.id()).append('\n');

        Map<String, Object> incidentDoc = new LinkedHashMap<>();
        incidentDoc.put("id", incident.id());
        incidentDoc.put("title", incident.title());
        incidentDoc.put("service", incident.service());
        incidentDoc.put("severity", incident.severity().name());
        incidentDoc.put("status", incident.status().name());
        putIfPresent(incidentDoc, "alarmArn", incident.alarmArn());
        putIfPresent(incidentDoc, "alarmName", incident.alarmName());
        putIfPresent(incidentDoc, "accountId", incident.accountId());
        putIfPresent(incidentDoc, "accountName", origin == null ? null : origin.accountName());
        putIfPresent(incidentDoc, "region", incident.region());
        putIfPresent(incidentDoc, "reason", incident.reason());
        putIfPresent(incidentDoc, "triggeredAt", incident.triggeredAt() == null ? null : incident.triggeredAt().toString());
        incidentDoc.put("openedAt", incident.openedAt().toString());
        putIfPresent(incidentDoc, "consoleUrl", link);
        putIfPresent(incidentDoc, "consoleNote", link == null ? null : ConsoleLinks.note(origin));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 1);
        document.put("type", "page");
        document.put("eventType", page.reason().eventType());
        document.put("pageId", page.pageId());
        document.put("target", page.target());
        document.put("incident", incidentDoc);

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("service", incident.service());
        attributes.put("severity", incident.severity().name());
        attributes.put("incident_id", incident.id());
        attributes.put("event_type", page.reason().eventType());
        attributes.put("target", page.target());
        return new PageMessage(subject, sms, email.toString(), document, attributes);
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** SNS rejects subjects with control or non-ASCII characters. */
    private static String asciiLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : ' ');
        }
        return b.toString().trim();
    }

    private static String truncate(String s, int limit, String ellipsis) {
        return s.length() <= limit ? s : s.substring(0, limit - ellipsis.length()) + ellipsis;
    }
}
