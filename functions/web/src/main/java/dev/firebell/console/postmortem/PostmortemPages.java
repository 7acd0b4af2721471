package dev.firebell.console.postmortem;

import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.postmortem.DraftVersions;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /console/incidents/<id>/postmortem}: an incident's postmortem draft as a page (its Markdown rendered, the
 * milestone chart drawn), and every earlier version of it ({@code ?version=<id>}, one the listing gave). Two S3
 * calls per page: the versions listed, one version read. The incident pages ({@code /console/incidents/<id>}) are
 * another area's: this one answers only paths ending in {@code /postmortem}.
 */
public final class PostmortemPages implements ConsolePages {

    /** Incident ids are the table's counters; anything else names no draft (and never reaches S3). */
    private static final Pattern PATH = Pattern.compile("/console/incidents/([A-Za-z0-9-]{1,64})/postmortem");
    private static final Pattern ANY = Pattern.compile("/console/incidents/[^/]+/postmortem");
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Supplier<DraftVersions> drafts;

    /**
     * @param drafts the drafts' store, asked for on the first postmortem page: the S3 client is built then, not in
     *               the cold start of every link and ping the web function serves
     */
    public PostmortemPages(Supplier<DraftVersions> drafts) {
        this.drafts = drafts;
    }

    public static String path(String incidentId) {
        return "/console/incidents/" + ConsoleLayout.encodePath(incidentId) + "/postmortem";
    }

    @Override
    public boolean handles(String path) {
        return ANY.matcher(path).matches();
    }

    @Override
    public HttpResponse handle(ConsoleRequest request) {
        if (request.method().equals("POST")) {
            return ConsoleLayout.page(405, request, ConsoleLayout.Section.INCIDENTS, "Nothing to change here",
                    "<p>A postmortem draft is read here, not edited. Nothing was changed.</p>\n");
        }
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return ConsoleLayout.page(404, request, ConsoleLayout.Section.INCIDENTS, "No such incident",
                    "<p>Incident ids are letters, digits and hyphens: this address names no incident.</p>\n");
        }
        String id = m.group(1);
        String title = "Postmortem of incident " + id;
        List<DraftVersions.Version> versions = drafts.get().versions(id);
        if (versions.isEmpty()) {
            return ConsoleLayout.page(404, request, ConsoleLayout.Section.INCIDENTS, "No postmortem draft yet",
                    "<p>Incident " + Html.escape(id) + " has no postmortem draft yet. Firebell writes the draft when"
                            + " the incident is resolved, usually within a minute, and writes a new version whenever"
                            + " its facts change (a reopen, a later resolve).</p>\n" + incidentLink(id));
        }
        Optional<String> asked = request.query("version");
        DraftVersions.Version shown = asked.isPresent() ? find(versions, asked.get()) : current(versions);
        if (shown == null) {
            return ConsoleLayout.page(400, request, ConsoleLayout.Section.INCIDENTS, title,
                    "<p class=\"notice error\" role=\"alert\">The version you asked for (" + Html.escape(asked.get())
                            + ") is not a version of this draft. Its versions are listed below.</p>\n"
                            + versionsTable(id, versions, null) + incidentLink(id));
        }
        Optional<String> text = drafts.get().text(id, shown.versionId());
        if (text.isEmpty()) {
            return ConsoleLayout.page(404, request, ConsoleLayout.Section.INCIDENTS, title,
                    "<p>That version of the draft is no longer stored.</p>\n" + versionsTable(id, versions, null));
        }
        StringBuilder b = new StringBuilder(16384);
        b.append(incidentLink(id));
        if (!shown.latest()) {
            DraftVersions.Version latest = current(versions);
            b.append("<p class=\"notice\">You are reading an earlier version, saved ")
                    .append(Html.escape(SAVED.format(shown.savedAt()))).append(". <a href=\"")
                    .append(Html.escape(path(id))).append("\">Read the latest version</a>")
                    .append(latest.latest() ? " (saved " + Html.escape(SAVED.format(latest.savedAt())) + ")" : "")
                    .append(".</p>\n");
        }
        b.append("<article class=\"draft\" aria-label=\"Draft\">\n").append(DraftHtml.render(text.get()))
                .append("</article>\n");
        b.append("<h2 id=\"versions\">Versions</h2>\n<p>Every regeneration that changed the draft is kept.</p>\n")
                .append(versionsTable(id, versions, shown));
        return ConsoleLayout.page(request, ConsoleLayout.Section.INCIDENTS, title, b.toString());
    }

    private static DraftVersions.Version find(List<DraftVersions.Version> versions, String versionId) {
        for (DraftVersions.Version v : versions) {
            if (v.versionId().equals(versionId)) {
                return v;
            }
        }
        return null;
    }

    /** The latest version; if the draft was deleted (no latest), the newest kept. */
    private static DraftVersions.Version current(List<DraftVersions.Version> versions) {
        for (DraftVersions.Version v : versions) {
            if (v.latest()) {
                return v;
            }
        }
        return versions.get(0);
    }

    private static String versionsTable(String id, List<DraftVersions.Version> versions, DraftVersions.Version shown) {
        StringBuilder b = new StringBuilder(1024);
        b.append("<div class=\"scroll\"><table class=\"figures\">\n<caption>Versions of the draft, newest first</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Saved (UTC)</th><th scope=\"col\">Size</th><th scope=\"col\">Version</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (DraftVersions.Version v : versions) {
            b.append("<tr><td>").append(Html.escape(SAVED.format(v.savedAt()))).append("</td><td>")
                    .append(Html.escape(size(v.bytes()))).append("</td><td>");
            String label = v.latest() ? "latest" : "earlier";
            if (v.equals(shown)) {
                b.append("<strong>shown</strong> (").append(label).append(')');
            } else {
                String href = v.latest() ? path(id) : path(id) + "?version=" + ConsoleLayout.encodePath(v.versionId());
                b.append("<a href=\"").append(Html.escape(href)).append("\">Read this ").append(label)
                        .append(" version<span class=\"visually-hidden\"> of ")
                        .append(Html.escape(SAVED.format(v.savedAt()))).append("</span></a>");
            }
            b.append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table></div>\n").toString();
    }

    private static String incidentLink(String id) {
        return "<p><a href=\"/console/incidents/" + Html.escape(ConsoleLayout.encodePath(id)) + "\">Back to incident "
                + Html.escape(id) + "</a></p>\n";
    }

    static String size(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
