package dev.firebell.console;

import dev.firebell.web.Html;
import dev.firebell.web.HtmlPage;
import dev.firebell.web.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every console page's frame: the navigation (with the viewer's own page and sign-out), a skip link, one {@code main}
 * holding what the page renders, and the strict headers. Pages pass their content as HTML they built themselves, every
 * value in it escaped with {@link Html#escape}. No script anywhere; the only style is {@link ConsoleStyle}'s, allowed
 * by its hash.
 */
public final class ConsoleLayout {

    /** The areas in the navigation, in its order. */
    public enum Section {
        INCIDENTS("Incidents", "/console/incidents"),
        ON_CALL("On call", "/console/on-call"),
        SCHEDULES("Schedules", "/console/schedules"),
        REPORTS("Reports", "/console/reports"),
        /** The viewer's own page ({@code /console/people/<id>}); not a fixed link. */
        PEOPLE("My shifts", "/console/people/");

        private final String label;
        private final String path;

        Section(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }

        public String path() {
            return path;
        }
    }

    /** The headers of every console response: those of Firebell's pages, with the console's style allowed. */
    public static final Map<String, String> HEADERS = HtmlPage.securityHeaders(ConsoleStyle.ALL);

    /** Where signing out posts to. */
    public static final String SIGN_OUT_PATH = "/console/sign-out";

    private ConsoleLayout() {
    }

    /** A page for a signed-in viewer: {@code title} in the tab and as its {@code h1}, {@code content} under it. */
    public static HttpResponse page(ConsoleRequest request, Section section, String title, String content) {
        return page(200, request, section, title, content);
    }

    public static HttpResponse page(int status, ConsoleRequest request, Section section, String title,
                                    String content) {
        StringBuilder b = head(title);
        b.append("<header><nav aria-label=\"Console\"><ul>\n<li class=\"brand\">Firebell</li>\n");
        for (Section s : Section.values()) {
            String href = s == Section.PEOPLE ? s.path() + encodePath(request.viewer().personId()) : s.path();
            b.append("<li><a href=\"").append(Html.escape(href)).append('"')
                    .append(s == section ? " aria-current=\"page\"" : "").append('>').append(Html.escape(s.label()))
                    .append("</a></li>\n");
        }
        b.append("<li><form method=\"post\" action=\"").append(SIGN_OUT_PATH).append("\">")
                .append(request.csrfField()).append("<button type=\"submit\">Sign out ")
                .append(Html.escape(request.viewer().name())).append("</button></form></li>\n");
        b.append("</ul></nav></header>\n");
        return new HttpResponse(status, HEADERS, body(b, title, content));
    }

    /** A page for someone not signed in (or whose session ended): a heading and a message, no navigation. */
    public static HttpResponse message(int status, String title, String text) {
        String content = "<p>" + Html.escape(text) + "</p>\n";
        return new HttpResponse(status, HEADERS, body(head(title), title, content));
    }

    /** After a form acted: back to {@code location} (a path of the console), so reloading never posts twice. */
    public static HttpResponse seeOther(String location) {
        Map<String, String> h = new LinkedHashMap<>(HEADERS);
        h.put("location", location);
        return new HttpResponse(303, h, "");
    }

    /** A path segment made safe for a link: what a person id or a rotation name may hold, percent-encoded. */
    public static String encodePath(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(Html.escape(title)).append(" - Firebell</title>\n")
                .append("<style>").append(ConsoleStyle.ALL).append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
    }

    private static String body(StringBuilder b, String title, String content) {
        return b.append("<main id=\"main\">\n<h1>").append(Html.escape(title)).append("</h1>\n").append(content)
                .append("</main>\n</body>\n</html>\n").toString();
    }
}
