package dev.firebell.paging;

import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.alarm.ConsoleLinks;
import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import dev.firebell.incident.Incident;
import dev.firebell.link.ActionLinks;
import dev.firebell.person.Person;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a page for SMS (short), email (subject and body) and machines (the full document). An alarm from another
 * account or region says where it is from in all three.
 *
 * <p>A page to a person carries that person's signed {@linkplain ActionLinks links} (docs/paging.md): acknowledge,
 * escalate and resolve in the e-mail, acknowledge in the SMS, all three in the document's {@code links}; and, when
 * two-way SMS is set up, the SMS says which codes to reply. A page to a team (a service's fixed {@code pageTarget})
 * carries no personal links: whoever reads the team's channel answers in chat.
 */
public final class PageComposer {

    /** A page to a team, without links: one SMS. */
    static final int SMS_LIMIT = SmsText.SINGLE;
    /** A page to a person, with its link and reply codes: at most two SMS. */
    static final int PERSON_SMS_SEGMENTS = 2;
    /** SNS requires an email subject shorter than 100 characters, printable ASCII only. */
    static final int SUBJECT_LIMIT = 99;

    private static final Set<PageAction> ALL = EnumSet.allOf(PageAction.class);

    private final Origins origins;
    private final ActionLinks links;
    private final boolean smsReplies;

    /** Pages without links or reply codes, for alarms of Firebell's own account and region. */
    public PageComposer() {
        this(Origins.NONE, ActionLinks.none(), false);
    }

    /** Pages without links or reply codes. */
    public PageComposer(Origins origins) {
        this(origins, ActionLinks.none(), false);
    }

    /**
     * @param smsReplies whether SMS replies reach Firebell (two-way SMS is set up), so that the SMS may say how to
     *                   reply
     */
    public PageComposer(Origins origins, ActionLinks links, boolean smsReplies) {
        this.origins = origins;
        this.links = links;
        this.smsReplies = smsReplies;
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
        String person = Person.idOfTarget(page.target());
        Optional<ActionLinks.Links> emailLinks = personLinks(incident, person, Channel.EMAIL_LINK, ALL);
        Optional<ActionLinks.Links> smsLinks = personLinks(incident, person, Channel.SMS_LINK,
                EnumSet.of(PageAction.ACKNOWLEDGE));
        Optional<ActionLinks.Links> documentLinks = personLinks(incident, person, Channel.PAGE_LINK, ALL);

        String sms = person == null ? teamSms(headline, verb, incident.id())
                : personSms(incident, origin, verb, smsLinks.map(l -> l.url(PageAction.ACKNOWLEDGE)));
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
        emailLinks.ifPresent(l -> {
            email.append('\n');
            for (PageAction action : ALL) {
                email.append(String.format("%-13s", action.label() + ":")).append(l.url(action)).append('\n');
            }
            email.append("(Each link opens a page with one button; they work until ").append(l.expiresAt())
                    .append(" UTC.)\n");
        });
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
        documentLinks.ifPresent(l -> {
            Map<String, Object> linkDoc = new LinkedHashMap<>();
            for (PageAction action : ALL) {
                linkDoc.put(action.verb(), l.url(action));
            }
            linkDoc.put("expiresAt", l.expiresAt().toString());
            document.put("links", linkDoc);
        });

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("service", incident.service());
        attributes.put("severity", incident.severity().name());
        attributes.put("incident_id", incident.id());
        attributes.put("event_type", page.reason().eventType());
        attributes.put("target", page.target());
        return new PageMessage(subject, sms, email.toString(), document, attributes);
    }

    private Optional<ActionLinks.Links> personLinks(Incident incident, String person, Channel channel,
                                                    Set<PageAction> actions) {
        return person == null ? Optional.empty() : links.forPerson(incident.id(), person, channel, actions);
    }

    /** One SMS: "Firebell SEV2 #42 checkout: title triggered. Ack: /incident ack 42". */
    private static String teamSms(String headline, String verb, String id) {
        return SmsText.truncate(SmsText.sanitize("Firebell " + headline + " " + verb + ". Ack: /incident ack " + id),
                SMS_LIMIT);
    }

    /**
     * At most {@value #PERSON_SMS_SEGMENTS} SMS: "Firebell SEV2 #7 checkout: title triggered. Reply 7a to ack, 7e
     * escalate, 7r resolve. Ack: https://.../l/...", the title shortened to make room for the codes and the link.
     */
    private String personSms(Incident incident, Origin origin, String verb, Optional<String> ackLink) {
        String id = incident.id();
        String head = SmsText.sanitize("Firebell " + incident.severity() + " #" + id + " " + incident.service()
                + (origin == null ? "" : " (" + origin.brief() + ")") + ": ");
        String title = SmsText.sanitize(incident.title());
        StringBuilder tail = new StringBuilder(" ").append(verb).append('.');
        if (smsReplies) {
            tail.append(" Reply ").append(id).append("a to ack, ").append(id).append("e escalate, ").append(id)
                    .append("r resolve.");
        }
        if (ackLink.isPresent()) {
            tail.append(" Ack: ").append(ackLink.get());
        } else if (!smsReplies) {
            tail.append(" Ack: /incident ack ").append(id);
        }
        String rest = SmsText.sanitize(tail.toString());
        int room = SmsText.capacity(PERSON_SMS_SEGMENTS) - SmsText.septets(head) - SmsText.septets(rest);
        String sms = head + SmsText.truncate(title, Math.max(room, 3)) + rest;
        // Extension characters are never split across segments: shorten the title further if that spills over.
        while (SmsText.segments(sms) > PERSON_SMS_SEGMENTS && room > 3) {
            room--;
            sms = head + SmsText.truncate(title, room) + rest;
        }
        return sms;
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
