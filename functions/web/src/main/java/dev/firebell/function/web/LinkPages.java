package dev.firebell.function.web;

import dev.firebell.answer.Answer;
import dev.firebell.answer.PageAction;
import dev.firebell.incident.Channel;
import dev.firebell.incident.Incident;
import dev.firebell.link.LinkClaim;
import dev.firebell.web.HtmlPage;
import dev.firebell.web.HtmlPage.Tone;
import dev.firebell.web.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the pages behind links read: the confirmation a GET shows (the incident and one button), what a POST did, and a
 * page for each reason a link cannot act, each with the HTTP status it is sent with. Times are UTC, as in pages.
 */
final class LinkPages {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LinkPages() {
    }

    /** GET of a valid link: the incident, what the button will do, the button. */
    static HttpResponse confirm(Answer.Ready ready, LinkClaim claim) {
        Incident i = ready.incident();
        PageAction action = claim.action();
        HtmlPage page = facts(HtmlPage.titled(action.label() + " #" + i.id() + " - Firebell")
                .heading(action.label() + " incident #" + i.id() + "?"), i)
                .paragraph(consequence(action, claim.personId()))
                .button(action.label() + " #" + i.id());
        return sentTo(page, claim).respond(200);
    }

    /** What a POST did, or that it had been done already (then a GET shows the same, with no button). */
    static HttpResponse done(Answer answer, LinkClaim claim) {
        boolean now = answer instanceof Answer.Done;
        Incident i = answer instanceof Answer.Done d ? d.incident() : ((Answer.AlreadyDone) answer).incident();
        String heading = now ? "#" + i.id() + " " + claim.action().pastTense() : "Nothing to do for #" + i.id();
        HtmlPage page = facts(HtmlPage.titled(heading + " - Firebell").tone(now ? Tone.DONE : Tone.NEUTRAL)
                .heading(heading).paragraph(answer.message()), i);
        return sentTo(page, claim).respond(200);
    }

    /** Refused by the rules of answering pages: nothing was written. */
    static HttpResponse refused(Answer.Refused refused, LinkClaim claim) {
        int status = switch (refused.reason()) {
            case UNKNOWN_PERSON, NOT_PAGED -> 403;
            case NO_SUCH_INCIDENT -> 404;
            case RESOLVED, NOT_POSSIBLE -> 409;
            case BUSY -> 503;
        };
        String heading = switch (refused.reason()) {
            case UNKNOWN_PERSON -> "This link cannot act any more";
            case NOT_PAGED -> "This link is not yours";
            case NO_SUCH_INCIDENT -> "No such incident";
            case RESOLVED -> "#" + claim.incidentId() + " is resolved";
            case NOT_POSSIBLE -> "Cannot " + claim.action().verb() + " #" + claim.incidentId();
            case BUSY -> "Please try again";
        };
        HtmlPage page = HtmlPage.titled(heading + " - Firebell")
                .tone(refused.reason() == Answer.Reason.RESOLVED ? Tone.NEUTRAL : Tone.WARNING)
                .heading(heading).paragraph(refused.message() + " Nothing was changed.");
        if (refused.incident() != null) {
            facts(page, refused.incident());
        }
        return page.respond(status);
    }

    /** A genuine link, too old. */
    static HttpResponse expired(LinkClaim claim) {
        return HtmlPage.titled("This link has expired - Firebell").tone(Tone.WARNING)
                .heading("This link has expired")
                .paragraph("It worked until " + UTC.format(claim.expiresAt()) + ". Nothing was changed.")
                .paragraph("To " + claim.action().verb() + " incident #" + claim.incidentId() + " now, use chat: /incident "
                        + chatCommand(claim.action()) + " " + claim.incidentId() + ".")
                .respond(410);
    }

    /** Not a link Firebell made: mistyped, cut short by a mail program, or tampered with. */
    static HttpResponse invalid() {
        return HtmlPage.titled("This link is not valid - Firebell").tone(Tone.ERROR)
                .heading("This link is not valid")
                .paragraph("It may have been cut short or changed on its way. Open it from the page you received, or"
                        + " act in chat. Nothing was changed.")
                .respond(400);
    }

    /** The link key cannot be read: nothing can be checked, so nothing acts. */
    static HttpResponse unavailable(String reference) {
        return HtmlPage.titled("Links are unavailable - Firebell").tone(Tone.ERROR)
                .heading("Links cannot be checked right now")
                .paragraph("Firebell cannot read the key that checks links, so this one cannot act. Nothing was"
                        + " changed. Try again in a minute, or act in chat.")
                .note("Reference: " + reference)
                .respond(503);
    }

    /** Something no person can fix went wrong (logged with the reference). */
    static HttpResponse failed(String reference) {
        return HtmlPage.titled("Something went wrong - Firebell").tone(Tone.ERROR)
                .heading("Something went wrong")
                .paragraph("Firebell could not finish this. It may or may not have acted: check the incident in chat"
                        + " before trying again.")
                .note("Reference: " + reference)
                .respond(500);
    }

    static HttpResponse notFound() {
        return HtmlPage.titled("Not found - Firebell").heading("Nothing here")
                .paragraph("This address is Firebell's: it answers the links in pages.")
                .respond(404);
    }

    static HttpResponse methodNotAllowed() {
        return HtmlPage.titled("Not allowed - Firebell").heading("Open the link, then press its button")
                .paragraph("Links are opened (GET) and confirmed with their button (POST); nothing else is accepted.")
                .respond(405).with("allow", "GET, POST");
    }

    static HttpResponse tooLarge() {
        return HtmlPage.titled("Too large - Firebell").heading("This request is too large").respond(413);
    }

    private static HtmlPage facts(HtmlPage page, Incident i) {
        return page.fact("Incident", "#" + i.id())
                .fact("Title", i.title())
                .fact("Service", i.service())
                .fact("Severity", i.severity().name())
                .fact("Status", status(i))
                .fact("Opened", time(i.openedAt()));
    }

    private static String status(Incident i) {
        return switch (i.status()) {
            case ACKNOWLEDGED -> "Acknowledged" + (i.acknowledgedBy() == null ? "" : " by " + i.acknowledgedBy());
            case RESOLVED -> "Resolved" + (i.resolvedBy() == null ? "" : " by " + i.resolvedBy());
            default -> "Triggered";
        };
    }

    private static String consequence(PageAction action, String person) {
        return switch (action) {
            case ACKNOWLEDGE -> "You take it, as " + person + ": escalation stops and nobody else is paged for it.";
            case ESCALATE -> "The next level of its escalation policy is paged now, as asked by " + person + ".";
            case RESOLVE -> "It is closed as resolved by " + person + "; its postmortem draft follows.";
        };
    }

    private static HtmlPage sentTo(HtmlPage page, LinkClaim claim) {
        return page.note("This link was sent to " + claim.personId() + " " + where(claim.channel()) + " and works until "
                + UTC.format(claim.expiresAt()) + ".");
    }

    private static String where(Channel channel) {
        return switch (channel) {
            case EMAIL_LINK -> "by e-mail";
            case SMS_LINK -> "by SMS";
            default -> "in a page";
        };
    }

    private static String chatCommand(PageAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> "ack";
            case ESCALATE -> "escalate";
            case RESOLVE -> "resolve";
        };
    }

    private static String time(Instant at) {
        return at == null ? null : UTC.format(at);
    }
}
