package dev.firebell.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small server-rendered page for a phone: a heading, paragraphs, a list of facts, at most one form with one button
 * that posts back to the page's own address, and a note. Plain HTML, no JavaScript, nothing loaded from anywhere: its
 * only style is inline and allowed by its hash in the Content-Security-Policy. Every value is escaped ({@link Html}).
 *
 * <p>Every response carries the same strict headers ({@link #SECURITY_HEADERS}): the page cannot be framed, cached,
 * sniffed as something else, or leak its address (and a link's token in it) through a Referer.
 */
public final class HtmlPage {

    /** How the page reads at a glance: the colour of its top border. */
    public enum Tone { NEUTRAL, DONE, WARNING, ERROR }

    /** Mobile first, system fonts, contrast above 7:1 for text and the button. */
    static final String STYLE = "body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
            + "color:#1a1a1a;background:#f4f4f4}"
            + "main{max-width:34rem;margin:0 auto;padding:1.25rem;background:#fff;border-top:.5rem solid #555;"
            + "min-height:100vh;box-sizing:border-box}"
            + "main.done{border-color:#1b6e20}main.warning{border-color:#8a5a00}main.error{border-color:#a4000f}"
            + "h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}"
            + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}"
            + "dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}"
            + "button{font:inherit;font-weight:600;width:100%;min-height:3rem;margin:1rem 0;padding:.75rem 1rem;"
            + "color:#fff;background:#0b4f8a;border:0;border-radius:.375rem;cursor:pointer}"
            + "button:focus{outline:3px solid #1a1a1a;outline-offset:2px}"
            + ".note{font-size:1rem;color:#4a4a4a}";

    static final String STYLE_HASH = styleHash(STYLE);

    /** The headers of every page. */
    public static final Map<String, String> SECURITY_HEADERS = securityHeaders(STYLE);

    private final String title;
    private Tone tone = Tone.NEUTRAL;
    private String heading;
    private final List<String> paragraphs = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private String button;
    private final List<String> notes = new ArrayList<>();

    private HtmlPage(String title) {
        this.title = title;
    }

    /** A page whose browser tab reads {@code title}. */
    public static HtmlPage titled(String title) {
        return new HtmlPage(title);
    }

    public HtmlPage tone(Tone tone) {
        this.tone = tone;
        return this;
    }

    public HtmlPage heading(String text) {
        this.heading = text;
        return this;
    }

    public HtmlPage paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    /** One line of the facts list; a null value leaves the line out. */
    public HtmlPage fact(String label, String value) {
        if (value != null) {
            facts.put(label, value);
        }
        return this;
    }

    /** The one button: a form that posts back to this page's own address. */
    public HtmlPage button(String label) {
        this.button = label;
        return this;
    }

    /** Small print under everything else. */
    public HtmlPage note(String text) {
        notes.add(text);
        return this;
    }

    public String html() {
        StringBuilder b = new StringBuilder(2048)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<main class=\"").append(tone.name().toLowerCase(java.util.Locale.ROOT)).append("\">\n");
        if (heading != null) {
            b.append("<h1>").append(Html.escape(heading)).append("</h1>\n");
        }
        for (String p : paragraphs) {
            b.append("<p>").append(Html.escape(p)).append("</p>\n");
        }
        if (!facts.isEmpty()) {
            b.append("<dl>\n");
            facts.forEach((label, value) -> b.append("<dt>").append(Html.escape(label)).append("</dt><dd>")
                    .append(Html.escape(value)).append("</dd>\n"));
            b.append("</dl>\n");
        }
        if (button != null) {
            b.append("<form method=\"post\">\n<button type=\"submit\">").append(Html.escape(button))
                    .append("</button>\n</form>\n");
        }
        for (String n : notes) {
            b.append("<p class=\"note\">").append(Html.escape(n)).append("</p>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    /** The page as a response with {@code status} and the {@linkplain #SECURITY_HEADERS strict headers}. */
    public HttpResponse respond(int status) {
        return new HttpResponse(status, SECURITY_HEADERS, html());
    }

    /**
     * The strict headers for an HTML page whose only style is one inline {@code <style>} element holding {@code style}:
     * the Content Security Policy allows that text by its hash, and nothing else (no script, no other origin).
     */
    public static Map<String, String> securityHeaders(String style) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", "text/html; charset=utf-8");
        h.put("content-security-policy", "default-src 'none'; style-src " + styleHash(style)
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        h.put("referrer-policy", "no-referrer");
        h.put("cache-control", "no-store");
        h.put("x-content-type-options", "nosniff");
        h.put("x-frame-options", "DENY");
        h.put("strict-transport-security", "max-age=63072000; includeSubDomains");
        h.put("cross-origin-opener-policy", "same-origin");
        return java.util.Collections.unmodifiableMap(h);
    }

    private static String styleHash(String style) {
        return "'sha256-" + sha256(style) + "'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
