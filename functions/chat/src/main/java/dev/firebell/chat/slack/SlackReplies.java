package dev.firebell.chat.slack;

import static dev.firebell.slack.Mrkdwn.escape;
import static dev.firebell.slack.Mrkdwn.text;

import dev.firebell.chat.ChatResult;
import dev.firebell.chat.CommandParser;
import dev.firebell.chat.OnCallDesk;
import dev.firebell.chat.PersonOrTarget;
import dev.firebell.chat.Responder;
import dev.firebell.chat.Subcommand;
import dev.firebell.incident.Incident;
import dev.firebell.slack.Mrkdwn;
import dev.firebell.slack.SlackReply;
import dev.firebell.slack.SlackReply.Block;
import dev.firebell.slack.SlackReply.Context;
import dev.firebell.slack.SlackReply.Section;
import dev.firebell.slack.SlackReply.Visibility;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Chat results as Slack messages: mrkdwn, mentions, dates Slack shows in each reader's time zone, and the emoji that
 * tell at a glance what happened. Changes are announced in the channel; reads, refusals and changes that did nothing
 * are answered to the caller only. Everything people or alarms wrote is escaped ({@link Mrkdwn#text}).
 *
 * <p>The reads ({@code status}, {@code list}, {@code oncall}) are laid out by {@link SlackViews}.
 */
public final class SlackReplies implements ChatResult.Renderer<SlackReply> {

    /** A section's text is cut here, under Slack's 3,000. */
    static final int MAX_SECTION = 2900;
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final String command;
    private final SlackViews views;

    /** @param command the command name the person typed, e.g. {@code /incident}, for the hints in answers */
    public SlackReplies(String command) {
        this.command = command;
        this.views = new SlackViews(command);
    }

    /** The result as the Slack message to answer with. */
    public static SlackReply of(ChatResult result, String command) {
        return result.render(new SlackReplies(command));
    }

    // ------------------------------------------------------------------ deferred commands, accepted

    @Override
    public SlackReply declaring(ChatResult.Declaring r) {
        String service = r.service() != null ? " for " + escape(r.service()) : "";
        return ephemeral(":hourglass_flowing_sand: Declaring a " + r.severity() + " incident" + service + ": *"
                + text(r.title(), CommandParser.MAX_TITLE) + "*. The announcement follows in this channel in a moment.");
    }

    @Override
    public SlackReply escalating(ChatResult.Escalating r) {
        return ephemeral(":hourglass_flowing_sand: Escalating " + ref(r.incident()) + ": the next level is being paged;"
                + " the result follows in this channel in a moment.");
    }

    // ------------------------------------------------------------------ changes

    @Override
    public SlackReply declared(ChatResult.Declared r) {
        Incident i = r.incident();
        String text = ":rotating_light: " + who(r.by()) + " declared " + ref(i) + ". " + who(r.by())
                + " is incident commander; " + text(i.service(), 64) + "'s on-call is being paged.";
        return SlackReply.inChannel(text, new Section(text), new Context("Acknowledge with `" + escape(command)
                + " ack " + i.id() + "`; add notes with `" + escape(command) + " note " + i.id() + " ...`"));
    }

    @Override
    public SlackReply escalated(ChatResult.Escalated r) {
        String text = ":mega: " + who(r.by()) + " escalated " + ref(r.incident()) + ": " + text(r.summary(), 300)
                + (r.pagesSent() == 1 ? " (1 page sent)" : " (" + r.pagesSent() + " pages sent)");
        return SlackReply.inChannel(text, new Section(text));
    }

    @Override
    public SlackReply acknowledged(ChatResult.Acknowledged r) {
        return announced(":eyes: " + who(r.by()) + " acknowledged " + ref(r.incident()), r.incident(), r.lastPaged());
    }

    @Override
    public SlackReply unacknowledged(ChatResult.Unacknowledged r) {
        return announced(":leftwards_arrow_with_hook: " + who(r.by()) + " withdrew the acknowledgement of "
                + ref(r.incident()) + ": it is triggered again", r.incident(), r.lastPaged());
    }

    @Override
    public SlackReply resolved(ChatResult.Resolved r) {
        return announced(":white_check_mark: " + who(r.by()) + " resolved " + ref(r.incident()) + " after "
                + Mrkdwn.duration(r.lasted())
                + (r.resolution() == null ? "" : "\n>" + text(r.resolution(), CommandParser.MAX_RESOLUTION)),
                r.incident(), r.lastPaged());
    }

    @Override
    public SlackReply reopened(ChatResult.Reopened r) {
        return announced(":repeat: " + who(r.by()) + " reopened " + ref(r.incident()) + " and has it", r.incident(),
                false);
    }

    @Override
    public SlackReply severityChanged(ChatResult.SeverityChanged r) {
        return announced(":rotating_light: " + ref(r.incident()) + " is now *" + r.severity() + "*, set by "
                + who(r.by()), r.incident(), false);
    }

    @Override
    public SlackReply roleAssigned(ChatResult.RoleAssigned r) {
        return announced(":bust_in_silhouette: " + who(r.holder()) + " is " + escape(r.role()) + " of "
                + ref(r.incident()) + ", assigned by " + who(r.by()), r.incident(), false);
    }

    @Override
    public SlackReply noted(ChatResult.Noted r) {
        return announced(":memo: " + who(r.by()) + " noted on " + ref(r.incident()) + ":\n>"
                + text(r.text(), CommandParser.MAX_NOTE).replace("\n", "\n>"), r.incident(), false);
    }

    @Override
    public SlackReply unchanged(ChatResult.Unchanged r) {
        String text = ":information_source: " + text(r.why(), 300) + "; nothing changed.";
        return withNote(Visibility.EPHEMERAL, text, new Section(text), r.incidentId(), r.lastPaged());
    }

    @Override
    public SlackReply overrideSet(ChatResult.OverrideSet r) {
        ZoneId zone = r.by().timeZone();
        String text = ":arrows_counterclockwise: " + who(r.taker()) + " is on call for *" + text(r.rotation(), 64)
                + "* from " + Mrkdwn.time(r.start(), zone) + " until " + Mrkdwn.time(r.end(), zone)
                + (r.replaced() == null ? "" : " instead of " + who(r.replaced())) + ", set by " + who(r.by());
        return SlackReply.inChannel(text, new Section(text));
    }

    @Override
    public SlackReply maintenanceStarted(ChatResult.MaintenanceStarted r) {
        OnCallDesk.MaintenanceWindow w = r.window();
        ZoneId zone = r.by().timeZone();
        String inUtc = zone.normalized().equals(UTC.normalized()) ? "" : " (" + Mrkdwn.plainTime(w.end(), UTC) + ")";
        String text = ":construction: " + who(r.by()) + " put *" + text(w.service(), 64) + "* in maintenance until "
                + Mrkdwn.time(w.end(), zone) + inUtc + ", for " + Mrkdwn.duration(Duration.between(w.start(), w.end()))
                + ": its alarms still open incidents, but nobody is paged, and escalations already running wait until"
                + " it ends." + (w.reason() == null ? "" : "\n>" + text(w.reason(), CommandParser.MAX_REASON));
        return SlackReply.inChannel(text, new Section(text), new Context("Window " + text(w.name(), 100)
                + ", as incident timelines name it. Pages it holds go out when it ends, if the incident is still"
                + " unacknowledged."));
    }

    @Override
    public SlackReply postmortem(ChatResult.PostmortemStarted r) {
        String where = r.draft().link() == null ? "" : ": " + escape(r.draft().link());
        String text = ":notebook: " + (r.draft().created() ? who(r.by()) + " started the postmortem of "
                : "The postmortem draft of ") + ref(r.incident()) + where;
        return SlackReply.inChannel(text, new Section(text));
    }

    // ------------------------------------------------------------------ reads

    @Override
    public SlackReply details(ChatResult.IncidentDetails r) {
        return views.details(r);
    }

    @Override
    public SlackReply list(ChatResult.IncidentList r) {
        return views.list(r);
    }

    @Override
    public SlackReply nothingIsYours(ChatResult.NothingIsYours r) {
        return ephemeral("No incidents are yours: you are not in Firebell's on-call configuration. `" + escape(command)
                + " list` shows every open incident.");
    }

    @Override
    public SlackReply onCall(ChatResult.OnCallList r) {
        return views.onCall(r);
    }

    @Override
    public SlackReply help(ChatResult.Help r) {
        String c = escape(command);
        StringBuilder lines = new StringBuilder("*" + c + "* commands");
        for (Subcommand s : r.subcommands()) {
            lines.append("\n`").append(c).append(' ').append(escape(s.syntax())).append("` ").append(s.description());
        }
        String text = lines.toString();
        return SlackReply.ephemeral(text, new Section(text), new Context("Ids may be written 42 or #42. Without an id,"
                + " ack, unack, resolve and status use the incident you were last paged for. Durations: 30m, 4h, 1d,"
                + " 1h30m. Anyone can read; changing needs you in the on-call configuration."));
    }

    /** The caller's sign-in link, to them only: the link is their credential for 15 minutes. */
    @Override
    public SlackReply consoleLink(ChatResult.ConsoleLink r) {
        String text = ":key: <" + r.url() + "|Sign in to Firebell's console> as " + (r.reader() ? escape(r.personId())
                + " (read only: you are not in Firebell's on-call configuration)" : escape(r.personId()))
                + ". The link works once, for 15 minutes; only you see this message.";
        return SlackReply.ephemeral(text, new Section(text), new Context("Do not share it: whoever opens it first is"
                + " signed in as you. The session lasts 12 hours or until you sign out."));
    }

    // ------------------------------------------------------------------ nothing done

    /** What was wrong, and for a command written wrongly how to write it. */
    @Override
    public SlackReply refused(ChatResult.Refused r) {
        String message = r.message();
        if (r.reason() == ChatResult.Reason.USAGE && r.usage() == null) {
            message += ". `" + command + " help` lists every command";
        }
        String text = ":warning: " + text(capitalized(message), 600);
        List<Block> blocks = new ArrayList<>(List.of(new Section(text)));
        if (r.usage() != null) {
            String how = "Write `" + escape(command + " " + r.usage().syntax()) + "`, e.g. `"
                    + escape(command + " " + r.usage().example()) + "`";
            blocks.add(new Context(how));
            text += "\n" + how;
        }
        return new SlackReply(Visibility.EPHEMERAL, text, blocks);
    }

    // ------------------------------------------------------------------ pieces

    /** A change, in the channel; with the note that the incident was the caller's last-paged one. */
    private static SlackReply announced(String text, Incident incident, boolean lastPaged) {
        return withNote(Visibility.IN_CHANNEL, Mrkdwn.cap(text, MAX_SECTION),
                new Section(Mrkdwn.cap(text, MAX_SECTION)), incident.id(), lastPaged);
    }

    private static SlackReply withNote(Visibility visibility, String text, Section section, String incidentId,
                                       boolean lastPaged) {
        List<Block> blocks = new ArrayList<>(List.of(section));
        if (lastPaged) {
            blocks.add(new Context(lastPagedNote(incidentId)));
        }
        return new SlackReply(visibility, text, blocks);
    }

    /** Small print when the caller left the id out. */
    static String lastPagedNote(String incidentId) {
        return "#" + incidentId + " is the incident you were last paged for.";
    }

    private static SlackReply ephemeral(String text) {
        return SlackReply.ephemeral(text, new Section(text));
    }

    /** An incident in one line: {@code *#42* Checkout is failing (SEV2, checkout)}. */
    static String ref(Incident i) {
        return "*#" + i.id() + "* " + text(i.title(), 120) + " (" + i.severity() + ", " + text(i.service(), 64) + ")";
    }

    /** A person the directory knows: mentioned (Slack shows their name). */
    static String who(Responder r) {
        return Mrkdwn.mention(r.chatUserId(), r.displayName());
    }

    /** Someone a result names: mentioned when the directory knows them, else as stored; "nobody" for null. */
    static String who(PersonOrTarget p) {
        if (p == null) {
            return "nobody";
        }
        return p.person() != null ? who(p.person()) : text(p.id(), 64);
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
