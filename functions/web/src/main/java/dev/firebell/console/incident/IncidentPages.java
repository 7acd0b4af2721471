package dev.firebell.console.incident;

import dev.firebell.account.Origin;
import dev.firebell.account.Origins;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetail;
import dev.firebell.incident.IncidentPage;
import dev.firebell.incident.IncidentStore;
import dev.firebell.person.Person;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The console's incident pages: {@code GET /console/incidents} (the list, filtered and paged), {@code GET
 * /console/incidents/<id>} (one incident) and {@code POST /console/incidents/<id>/<action>} (acknowledge, escalate,
 * resolve, note, severity), which answers with a redirect back to the incident and a notice (Post/Redirect/Get), or
 * with the incident's page and what was wrong. The console has checked the session, the CSRF token and that the
 * viewer may act before any POST gets here.
 */
public final class IncidentPages implements ConsolePages {

    static final String LIST = "/console/incidents";

    private final IncidentStore store;
    private final IncidentActions actions;
    private final ConfigSource config;
    private final Origins origins;
    private final InstantSource clock;

    public IncidentPages(IncidentStore store, IncidentActions actions, ConfigSource config, Origins origins,
                         InstantSource clock) {
        this.store = store;
        this.actions = actions;
        this.config = config;
        this.origins = origins;
        this.clock = clock;
    }

    /**
     * The list, an incident, and an incident's actions; not the other pages under an incident's address (its
     * postmortem is another area's): the console lets exactly one area claim a path.
     */
    @Override
    public boolean handles(String path) {
        if (path.equals(LIST) || path.equals(LIST + "/")) {
            return true;
        }
        if (!path.startsWith(LIST + "/")) {
            return false;
        }
        String[] parts = path.substring(LIST.length() + 1).split("/", -1);
        return parts.length == 1 || parts.length == 2 && isAction(parts[1]);
    }

    @Override
    public HttpResponse handle(ConsoleRequest request) {
        String rest = request.path().equals(LIST) ? "" : request.path().substring(LIST.length() + 1);
        String[] parts = rest.split("/", -1);
        boolean post = request.method().equals("POST");
        if (rest.isEmpty() || rest.equals("/")) {
            return post ? notAllowed(request) : list(request);
        }
        if (!parts[0].matches("[1-9][0-9]{0,17}") || parts.length > 2) {
            return notFound(request, "No incident is at this address: incidents are numbered, like "
                    + LIST + "/42.");
        }
        if (parts.length == 1) {
            return post ? notAllowed(request) : incident(request, parts[0], null, 200);
        }
        if (!isAction(parts[1])) {
            return notFound(request, "The console has no page here.");
        }
        return post ? act(request, parts[0], parts[1]) : notAllowed(request);
    }

    private static boolean isAction(String name) {
        return name.equals("acknowledge") || name.equals("escalate") || name.equals("resolve") || name.equals("note")
                || name.equals("severity");
    }

    /** The list: one Query per month partition read (the service's one partition when filtered by service). */
    private HttpResponse list(ConsoleRequest request) {
        FirebellConfig current = config.current();
        IncidentFilters.Read read = IncidentFilters.read(request.queryParameters(), clock.instant());
        if (read.query() == null) {
            return IncidentListPage.refused(request, read.filters(), read.problems(), current.services().keySet());
        }
        IncidentPage page = store.incidents(read.query());
        return IncidentListPage.render(request, read.filters(), page, current.services().keySet(),
                times(request, current));
    }

    /** One incident: one Query of its partition (incident, timeline, pages, escalation). */
    private HttpResponse incident(ConsoleRequest request, String id, IncidentDetailPage.Notice notice, int status) {
        Optional<IncidentDetail> detail = store.detail(id);
        if (detail.isEmpty()) {
            return notFound(request, "There is no incident #" + id + ".");
        }
        if (notice == null) {
            notice = request.query("done").map(IncidentActions.NOTICES::get)
                    .map(text -> new IncidentDetailPage.Notice(text, false)).orElse(null);
        }
        Origin origin = origins.of(detail.get().incident().accountId(), detail.get().incident().region()).orElse(null);
        return IncidentDetailPage.render(status, request, detail.get(), notice, origin,
                times(request, config.current()), clock.instant());
    }

    private HttpResponse act(ConsoleRequest request, String id, String action) {
        Optional<Incident> incident = store.incident(id);
        if (incident.isEmpty()) {
            return notFound(request, "There is no incident #" + id + ". Nothing was changed.");
        }
        IncidentActions.Result result = actions.act(incident.get(), action, request);
        if (result.done() != null) {
            return ConsoleLayout.seeOther(LIST + "/" + id + "?done=" + result.done());
        }
        return incident(request, id, new IncidentDetailPage.Notice(result.error(), true), result.status());
    }

    /** The viewer's zone from the configuration; UTC for a reader outside it. */
    private static ConsoleTimes times(ConsoleRequest request, FirebellConfig current) {
        Person person = current.onCall().people().get(request.viewer().personId());
        ZoneId zone = person == null || person.timeZone() == null ? ZoneOffset.UTC : person.timeZone();
        return new ConsoleTimes(zone);
    }

    private static HttpResponse notFound(ConsoleRequest request, String text) {
        return ConsoleLayout.page(404, request, ConsoleLayout.Section.INCIDENTS, "Not found",
                "<p>" + Html.escape(text) + "</p>\n<p><a href=\"" + LIST + "\">All incidents</a></p>\n");
    }

    private static HttpResponse notAllowed(ConsoleRequest request) {
        return ConsoleLayout.page(405, request, ConsoleLayout.Section.INCIDENTS, "Use the page's buttons",
                "<p>Incidents are acted on with the buttons of their page, and read with links. Nothing was"
                        + " changed.</p>\n<p><a href=\"" + LIST + "\">All incidents</a></p>\n");
    }
}
