package dev.firebell.console.people;

import dev.firebell.calendar.CalendarFeeds;
import dev.firebell.calendar.FeedSubject;
import dev.firebell.calendar.OnCallShift;
import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.link.PublicBase;
import dev.firebell.link.SecretTokens;
import dev.firebell.person.Person;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * People's pages: {@code GET /console/people/<id>} ({@link PersonPage}), and {@code POST
 * /console/people/<id>/calendar}, which creates a calendar link or replaces the person's own (docs/adr/0125). Only
 * the person acts on their page: their link is theirs, and the links of their rotations and schedules are created
 * there (replacing a shared link is the CLI's, as it breaks everyone's subscription).
 */
public final class PeoplePages implements ConsolePages {

    static final String PREFIX = "/console/people/";
    static final String CALENDAR = "/calendar";
    /** How far ahead the page lists shifts. */
    static final Duration UPCOMING = Duration.ofDays(28);

    private final ConfigSource config;
    private final CalendarFeeds feeds;
    private final PublicBase base;
    private final InstantSource clock;

    public PeoplePages(ConfigSource config, CalendarFeeds feeds, PublicBase base, InstantSource clock) {
        this.config = config;
        this.feeds = feeds;
        this.base = base;
        this.clock = clock;
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    static String pagePath(String personId) {
        return PREFIX + ConsoleLayout.encodePath(personId);
    }

    static String calendarPath(String personId) {
        return pagePath(personId) + CALENDAR;
    }

    @Override
    public HttpResponse handle(ConsoleRequest request) {
        String rest = request.path().substring(PREFIX.length());
        boolean calendar = rest.endsWith(CALENDAR);
        String segment = calendar ? rest.substring(0, rest.length() - CALENDAR.length()) : rest;
        String id;
        try {
            id = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            id = null;
        }
        FirebellConfig current = config.current();
        Person person = id == null || id.isEmpty() || id.contains("/") ? null : current.onCall().people().get(id);
        if (person == null) {
            return ConsoleLayout.page(404, request, null, "No such person", "<p>No person of the configuration has"
                    + " the id " + Html.escape(id == null ? segment : id) + ". People are listed in Firebell's"
                    + " configuration (people:).</p>\n");
        }
        boolean post = request.method().equals("POST");
        if (calendar && post) {
            return act(request, current, person);
        }
        if (calendar || post) {
            return ConsoleLayout.page(405, request, null, "Method not allowed", "<p>This address takes "
                    + (calendar ? "the calendar form's POST" : "GET") + " only.</p>\n");
        }
        return render(200, request, current, person, notice(request.query("done").orElse("")), null);
    }

    private HttpResponse act(ConsoleRequest request, FirebellConfig current, Person person) {
        if (!request.viewer().personId().equals(person.id())) {
            return ConsoleLayout.page(403, request, null, "Not your page", "<p>Only "
                    + Html.escape(person.name()) + " may create or replace their calendar links. Nothing was"
                    + " changed.</p>\n");
        }
        Map<String, String> form = request.form();
        FeedSubject feed;
        try {
            feed = FeedSubject.parse(form.get("feed"));
        } catch (IllegalArgumentException e) {
            return render(400, request, current, person, null, "Which calendar? " + e.getMessage()
                    + ". Nothing was changed.");
        }
        String action = form.getOrDefault("action", "");
        boolean self = feed.equals(FeedSubject.person(person.id()));
        if (!self && !PersonFacts.sourcesOf(current.onCall(), person.id()).contains(feed)) {
            return render(400, request, current, person, null, "You are not in " + feed + ", so its link is not"
                    + " yours to create. Nothing was changed.");
        }
        String done;
        if (action.equals("create")) {
            boolean existed = feeds.tokens(List.of(feed)).containsKey(feed);
            feeds.token(feed);
            done = existed ? "exists" : "created";
        } else if (action.equals("replace") && self) {
            String currentToken = feeds.tokens(List.of(feed)).get(feed);
            String replaces = form.getOrDefault("replaces", "");
            if (currentToken == null || !MessageDigest.isEqual(SecretTokens.hash(currentToken)
                    .getBytes(StandardCharsets.UTF_8), replaces.getBytes(StandardCharsets.UTF_8))) {
                done = "already-replaced";
            } else {
                feeds.replace(feed);
                done = "replaced";
            }
        } else {
            return render(400, request, current, person, null, action.equals("replace")
                    ? "The link of " + feed + " is shared by everyone who subscribed to it: it is replaced with"
                    + " ./firebell calendar-link --" + feed.kind().key() + " " + feed.name() + " --rotate."
                    + " Nothing was changed."
                    : "'" + action + "' is not create or replace. Nothing was changed.");
        }
        return ConsoleLayout.seeOther(pagePath(person.id()) + "?done=" + done + "#calendar");
    }

    private HttpResponse render(int status, ConsoleRequest request, FirebellConfig current, Person person,
                                String notice, String error) {
        Instant now = clock.instant();
        boolean own = request.viewer().personId().equals(person.id());
        FeedSubject self = FeedSubject.person(person.id());
        List<OnCallShift> shifts = feeds.shifts(current, self, now, now.plus(UPCOMING));
        List<FeedSubject> sources = PersonFacts.sourcesOf(current.onCall(), person.id());
        Map<FeedSubject, String> tokens = Map.of();
        String publicBase = null;
        if (own) {
            List<FeedSubject> subjects = new ArrayList<>();
            subjects.add(self);
            subjects.addAll(sources);
            tokens = feeds.tokens(subjects);
            base.learnFromRequest(request.http().domainName());
            publicBase = base.url().orElse(null);
        }
        PersonPage.Model model = new PersonPage.Model(current.onCall(), person, shifts,
                PersonFacts.escalations(current, person.id()), sources, own, tokens, publicBase, notice, error);
        return ConsoleLayout.page(status, request, own ? ConsoleLayout.Section.PEOPLE : null,
                PersonPage.title(person), PersonPage.content(request, model));
    }

    private static String notice(String done) {
        switch (done) {
            case "created":
                return "Calendar link created: subscribe to it below.";
            case "exists":
                return "That calendar link already existed: it is shown below.";
            case "replaced":
                return "Calendar link replaced: the old address stopped working. Subscribe to the new one below.";
            case "already-replaced":
                return "That link had already been replaced: the current one is shown below. Nothing else changed.";
            default:
                return null;
        }
    }
}
