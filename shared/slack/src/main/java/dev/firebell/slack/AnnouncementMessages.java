package dev.firebell.slack;

import static dev.firebell.slack.Mrkdwn.escape;
import static dev.firebell.slack.Mrkdwn.text;

import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.announcement.Announcement;
import dev.firebell.announcement.AnnouncementAction;
import dev.firebell.chat.PersonOrTarget;
import dev.firebell.heartbeat.Monitor;
import dev.firebell.incident.Incident;
import dev.firebell.slack.SlackReply.Actions;
import dev.firebell.slack.SlackReply.Block;
import dev.firebell.slack.SlackReply.Button;
import dev.firebell.slack.SlackReply.Confirm;
import dev.firebell.slack.SlackReply.Context;
import dev.firebell.slack.SlackReply.Fields;
import dev.firebell.slack.SlackReply.Section;
import dev.firebell.slack.SlackReply.Style;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident's announcement as a Slack message: a headline with its number, title and state, fields (severity,
 * service, status, who acknowledged or resolved it, escalation, when it opened), the alarm in small print, and the
 * buttons that make sense now. Everything an alarm or a person wrote is escaped ({@link Mrkdwn#text}).
 */
public final class AnnouncementMessages {

    /** Who resolved an incident when its alarm returning to OK did. */
    static final String ALARM = "alarm";
    /** Readers see times in their own zone; notifications and other clients fall back to UTC. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private AnnouncementMessages() {
    }

    /** For an incident of Firebell's own account and region. */
    public static SlackReply of(Announcement a) {
        return of(a, Origins.NONE);
    }

    /** An alarm from another account or region says where it is from, as its pages do (docs/accounts.md). */
    public static SlackReply of(Announcement a, Origins origins) {
        Incident i = a.incident();
        Origin origin = origins.of(i.accountId(), i.region()).orElse(null);
        String headline = emoji(a) + " *#" + i.id() + " " + text(i.title(), 150) + "*";
        String state = state(a);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Section(headline + "\n" + state + (i.resolution() == null ? ""
                : "\n>" + text(i.resolution(), 500).replace("\n", "\n>"))));
        List<String> fields = new ArrayList<>();
        fields.add("*Severity*\n" + i.severity());
        fields.add("*Service*\n" + text(i.service(), 64));
        fields.add("*Opened*\n" + Mrkdwn.time(i.openedAt(), UTC));
        if (origin != null) {
            fields.add("*From*\n" + text(origin.describe(), 120));
        }
        if (a.escalation() != null) {
            fields.add("*Escalation*\n" + escalation(a.escalation()));
        }
        blocks.add(new Fields(fields));
        blocks.add(new Context(smallPrint(i)));
        if (!a.actions().isEmpty()) {
            List<Button> buttons = new ArrayList<>();
            for (AnnouncementAction action : a.actions()) {
                buttons.add(button(action, i));
            }
            // A new block id per revision, as Slack asks of updated messages, so clients redraw the buttons.
            blocks.add(new Actions("firebell." + i.id() + "." + a.revision(), buttons));
        }
        String fallback = emoji(a) + " #" + i.id() + " " + text(i.title(), 150) + " (" + i.severity() + ", "
                + text(i.service(), 64) + (origin == null ? "" : ", " + text(origin.brief(), 80)) + "): " + state;
        return SlackReply.inChannel(Mrkdwn.cap(fallback, 300), blocks.toArray(Block[]::new));
    }

    private static String emoji(Announcement a) {
        return switch (a.incident().status()) {
            case TRIGGERED -> ":rotating_light:";
            case ACKNOWLEDGED -> ":eyes:";
            case RESOLVED -> ":white_check_mark:";
        };
    }

    /** What state it is in and who put it there. */
    private static String state(Announcement a) {
        Incident i = a.incident();
        String reopened = i.reopenCount() == 0 ? "" : i.reopenCount() == 1 ? " (reopened)"
                : " (reopened " + i.reopenCount() + " times)";
        return switch (i.status()) {
            case TRIGGERED -> "*Triggered*" + reopened + ": nobody has acknowledged it yet";
            case ACKNOWLEDGED -> "*Acknowledged* by " + who(a.acknowledgedBy()) + reopened;
            case RESOLVED -> (a.resolvedBy() != null && ALARM.equals(a.resolvedBy().id())
                    ? (Monitor.isHeartbeat(i.dedupKey()) ? "*Resolved*: the job pinged again"
                    : "*Resolved*: its alarm returned to OK") : "*Resolved* by " + who(a.resolvedBy()))
                    + (i.resolvedAt() == null ? "" : " after " + Mrkdwn.duration(Duration.between(
                    i.triggeredAt() != null ? i.triggeredAt() : i.openedAt(), i.resolvedAt())));
        };
    }

    private static String escalation(Announcement.Escalation e) {
        String policy = " (" + text(e.policy(), 64) + ")";
        return switch (e.status()) {
            case ACTIVE -> (e.lastLevel() == null ? "first level due" : "paged " + e.lastLevel()) + policy;
            case PAUSED -> "stopped" + (e.lastLevel() == null ? "" : " at " + e.lastLevel()) + ": acknowledged" + policy;
            case EXHAUSTED -> "exhausted: every level was paged" + policy;
            case STOPPED -> "stopped" + policy;
        };
    }

    private static String smallPrint(Incident i) {
        StringBuilder s = new StringBuilder();
        if (i.alarmName() != null) {
            s.append("Alarm `").append(text(i.alarmName(), 200).replace("`", "'")).append('`');
            if (i.alarmCount() > 1) {
                s.append(" (").append(i.alarmCount()).append(" ALARM deliveries)");
            }
            if (i.group() != null && i.group().members() > 1) {
                s.append(", ").append(i.group().members()).append(" alarms grouped");
            }
        } else {
            s.append("Declared in chat");
        }
        return s.append(" · `/incident status ").append(i.id()).append("` for its timeline").toString();
    }

    private static Button button(AnnouncementAction action, Incident i) {
        return switch (action) {
            case ACKNOWLEDGE -> new Button(action.label(), action.actionId(), i.id(), Style.PRIMARY, null);
            case ESCALATE -> new Button(action.label(), action.actionId(), i.id(), Style.DEFAULT, new Confirm(
                    "Escalate #" + i.id() + "?", "This pages the next level of " + escape(i.service())
                    + "'s escalation policy now, even if someone has it.", "Escalate", "Cancel"));
            case RESOLVE -> new Button(action.label(), action.actionId(), i.id(), Style.DEFAULT, new Confirm(
                    "Resolve #" + i.id() + "?", "This resolves it and stops its escalation; its postmortem draft is"
                    + " written.", "Resolve", "Cancel"));
        };
    }

    /** Someone the announcement names: mentioned when the configuration knows their Slack id, else as stored. */
    private static String who(PersonOrTarget p) {
        if (p == null) {
            return "nobody";
        }
        return p.person() != null ? Mrkdwn.mention(p.person().chatUserId(), p.person().displayName())
                : text(p.id(), 64);
    }
}
