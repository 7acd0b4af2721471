package dev.firebell.chat.slack;

import static dev.firebell.chat.slack.SlackReplies.MAX_SECTION;
import static dev.firebell.chat.slack.SlackReplies.capitalized;
import static dev.firebell.chat.slack.SlackReplies.who;
import static dev.firebell.slack.Mrkdwn.escape;
import static dev.firebell.slack.Mrkdwn.text;

import dev.firebell.chat.ChatResult;
import dev.firebell.chat.CommandParser;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.slack.Mrkdwn;
import dev.firebell.slack.SlackReply;
import dev.firebell.slack.SlackReply.Block;
import dev.firebell.slack.SlackReply.Context;
import dev.firebell.slack.SlackReply.Fields;
import dev.firebell.slack.SlackReply.Section;
import dev.firebell.slack.SlackReply.Visibility;
import dev.firebell.timeline.TimelineEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What anyone may read, laid out for Slack and answered to the reader only: an incident's {@code status}, a
 * {@code list} of open incidents, who is {@code oncall}. Long answers are cut to what a message shows well.
 */
final class SlackViews {

    /** Incidents or rotations in one answer; a list says how many more there are. */
    static final int LIST_LIMIT = 20;
    /** The latest timeline entries {@code status} shows. */
    static final int TIMELINE_SHOWN = 6;
    /** Slack's limit of fields in a section. */
    private static final int MAX_FIELDS = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final String command;

    SlackViews(String command) {
        this.command = command;
    }

    /** Status, severity, service, age and roles as fields; the resolution; the latest timeline entries. */
    SlackReply details(ChatResult.IncidentDetails r) {
        Incident i = r.incident();
        ZoneId zone = r.zone();
        List<String> fields = new ArrayList<>();
        fields.add("*Status*\n" + statusWords(r));
        fields.add("*Severity*\n" + i.severity());
        fields.add("*Service*\n" + text(i.service(), 64));
        if (r.origin() != null) {
            // An alarm from another account or region: where to look for it.
            fields.add("*From*\n" + text(r.origin().describe(), 120));
        }
        fields.add("*" + (i.isOpen() ? "Open for" : "Lasted") + "*\n" + Mrkdwn.duration(i.duration(r.asOf())));
        r.roles().forEach((role, holder) -> {
            if (fields.size() < MAX_FIELDS) {
                fields.add("*" + capitalized(text(role, 32)) + "*\n" + who(holder));
            }
        });
        List<TimelineEntry> timeline = r.timeline();
        StringBuilder latest = new StringBuilder("*Latest* (" + escape(zone.getId()) + ")");
        timeline.subList(Math.max(0, timeline.size() - TIMELINE_SHOWN), timeline.size()).forEach(e -> latest
                .append("\n`").append(CLOCK.format(e.at().atZone(zone))).append("` ").append(text(e.summary(), 200)));
        String header = "*#" + i.id() + " " + text(i.title(), CommandParser.MAX_TITLE) + "*";
        List<Block> blocks = new ArrayList<>(List.of(new Section(header), new Fields(fields),
                new Section(Mrkdwn.cap(latest.toString(), MAX_SECTION))));
        if (i.resolution() != null) {
            blocks.add(2, new Section("*Resolution*\n" + text(i.resolution(), CommandParser.MAX_RESOLUTION)));
        }
        if (r.lastPaged()) {
            blocks.add(new Context(SlackReplies.lastPagedNote(i.id())));
        }
        String text = header + " · " + statusWords(r) + " · " + i.severity() + " · " + text(i.service(), 64);
        return new SlackReply(Visibility.EPHEMERAL, text, blocks);
    }

    private static String statusWords(ChatResult.IncidentDetails r) {
        return switch (r.incident().status()) {
            case TRIGGERED -> "Triggered";
            case ACKNOWLEDGED -> "Acknowledged by " + who(r.acknowledgedBy());
            case RESOLVED -> "Resolved" + (r.resolvedBy() == null ? "" : " by " + who(r.resolvedBy()));
        };
    }

    /** One line per incident, oldest first, the first {@link #LIST_LIMIT}. */
    SlackReply list(ChatResult.IncidentList r) {
        String heading = switch (r.scope()) {
            case MINE -> "Open incidents you have or hold a role in";
            case SERVICE -> "Open incidents of " + escape(r.service());
            case OPEN -> "Open incidents";
        };
        List<ChatResult.Listed> shown = r.incidents();
        if (shown.isEmpty()) {
            String text = ":large_green_circle: " + heading + ": none.";
            return SlackReply.ephemeral(text, new Section(text));
        }
        StringBuilder lines = new StringBuilder("*" + heading + "* (" + shown.size() + ")");
        for (ChatResult.Listed listed : shown.stream().limit(LIST_LIMIT).toList()) {
            Incident i = listed.incident();
            lines.append("\n• *#").append(i.id()).append("* ").append(i.severity()).append(' ')
                    .append(text(i.service(), 32)).append(" · ").append(text(i.title(), 80)).append(" · ")
                    .append(i.status() == IncidentStatus.ACKNOWLEDGED ? "acknowledged by "
                            + who(listed.acknowledgedBy()) : "triggered")
                    .append(", ").append(Mrkdwn.duration(i.duration(r.asOf())))
                    .append(listed.origin() == null ? "" : " · " + text(listed.origin().brief(), 64));
        }
        String text = Mrkdwn.cap(lines.toString(), MAX_SECTION);
        List<Block> blocks = new ArrayList<>(List.of(new Section(text)));
        if (shown.size() > LIST_LIMIT) {
            blocks.add(new Context("and " + (shown.size() - LIST_LIMIT) + " more; the oldest are shown first"));
        }
        return new SlackReply(Visibility.EPHEMERAL, text, blocks);
    }

    /** Each rotation: who has it now and until when, who is next and from when, in times Slack localises. */
    SlackReply onCall(ChatResult.OnCallList r) {
        ZoneId zone = r.zone();
        String heading = "*On call" + (r.scope() == null ? "" : " for " + escape(r.scope())) + "*";
        if (r.rotations().isEmpty()) {
            String text = heading + ": no rotation covers it.";
            return SlackReply.ephemeral(text, new Section(text));
        }
        StringBuilder lines = new StringBuilder(heading);
        for (ChatResult.OnCallRow row : r.rotations().stream().limit(LIST_LIMIT).toList()) {
            lines.append("\n• *").append(text(row.rotation(), 64)).append('*');
            if (row.covers() != null && !row.covers().equals(row.rotation())) {
                lines.append(" (").append(text(row.covers(), 64)).append(')');
            }
            lines.append(": ");
            ChatResult.OnDuty now = row.current();
            lines.append(now == null ? "nobody now" : "now " + who(now.who())
                    + (now.end() == null ? "" : " until " + Mrkdwn.time(now.end(), zone)));
            ChatResult.OnDuty next = row.next();
            if (next != null && next.start() != null) {
                lines.append(", then ").append(who(next.who())).append(" from ").append(Mrkdwn.time(next.start(), zone));
            }
        }
        String text = Mrkdwn.cap(lines.toString(), MAX_SECTION);
        return SlackReply.ephemeral(text, new Section(text), new Context("Times in " + escape(zone.getId())
                + " where Slack cannot show your own time zone."));
    }
}
