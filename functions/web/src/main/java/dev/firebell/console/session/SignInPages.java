package dev.firebell.console.session;

import dev.firebell.web.HtmlPage;
import dev.firebell.web.HtmlPage.Tone;
import dev.firebell.web.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The pages before a session exists, in the style of the pages behind links ({@link HtmlPage}): the sign-in
 * confirmation a GET shows (one button, because mail scanners and chat previews open links too), and a page for each
 * reason a link cannot sign in, each with its status.
 */
final class SignInPages {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String ASK_AGAIN = "Type /incident console in Slack for a new link (only you see it), or ask a"
            + " platform admin for ./firebell console-link <you>.";

    private SignInPages() {
    }

    static HttpResponse confirm(String name, boolean reader, Instant expiresAt) {
        return HtmlPage.titled("Sign in - Firebell").heading("Sign in to Firebell as " + name + "?")
                .paragraph(reader ? "You may read every page of the console. Acting (acknowledging, resolving, taking"
                        + " shifts) is for people of Firebell's configuration." : "You may read every page and act as "
                        + name + ", as in chat; the timeline records what you do from the console.")
                .button("Sign in")
                .note("This link works once, until " + UTC.format(expiresAt) + ". The session lasts "
                        + SessionCookie.LIFETIME.toHours() + " hours or until you sign out.")
                .respond(200);
    }

    static HttpResponse used() {
        return HtmlPage.titled("Link already used - Firebell").tone(Tone.WARNING)
                .heading("This sign-in link was already used")
                .paragraph("Each sign-in link works once. If it was not you who used it, tell your platform team.")
                .paragraph(ASK_AGAIN).respond(410);
    }

    static HttpResponse expired(Instant expiredAt) {
        return HtmlPage.titled("Link expired - Firebell").tone(Tone.WARNING).heading("This sign-in link has expired")
                .paragraph("It worked until " + UTC.format(expiredAt) + ".").paragraph(ASK_AGAIN).respond(410);
    }

    static HttpResponse invalid() {
        return HtmlPage.titled("Link not valid - Firebell").tone(Tone.ERROR).heading("This sign-in link is not valid")
                .paragraph("It may have been cut short or changed on its way.").paragraph(ASK_AGAIN).respond(400);
    }

    static HttpResponse crossSite() {
        return HtmlPage.titled("Not signed in - Firebell").tone(Tone.ERROR).heading("Sign in from the link itself")
                .paragraph("This sign-in came from another site, so it was refused: open your link and press its"
                        + " button.").respond(403);
    }

    static HttpResponse unavailable() {
        return HtmlPage.titled("Sign-in unavailable - Firebell").tone(Tone.ERROR)
                .heading("Sign-in links cannot be checked right now")
                .paragraph("Firebell cannot read the key that checks them. Try again in a minute.").respond(503);
    }

    static HttpResponse signedOut() {
        return HtmlPage.titled("Signed out - Firebell").tone(Tone.DONE).heading("You are signed out")
                .paragraph("Your session has ended on this browser.").paragraph("To sign in again: " + ASK_AGAIN)
                .respond(200);
    }

    static HttpResponse formExpired() {
        return HtmlPage.titled("Form expired - Firebell").tone(Tone.WARNING).heading("This form has expired")
                .paragraph("It does not belong to your session, so you are still signed in. Reload the page and"
                        + " retry.").respond(403);
    }

    static HttpResponse methodNotAllowed() {
        return HtmlPage.titled("Not allowed - Firebell").heading("Open the link, then press its button")
                .paragraph("Sign-in links are opened (GET) and confirmed with their button (POST); signing out is a"
                        + " button of the console (POST).").respond(405);
    }
}
