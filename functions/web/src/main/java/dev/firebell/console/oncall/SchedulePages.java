package dev.firebell.console.oncall;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.incident.Actor;
import dev.firebell.incident.Channel;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.schedule.Layer;
import dev.firebell.schedule.Rotation;
import dev.firebell.schedule.Schedule;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * {@code /console/schedules}: the rotations and schedules, each linked to its calendar; {@code /console/schedules/<name>}:
 * four weeks of its shifts from the week of {@code ?from=} (this week by default) in the viewer's time zone, overrides
 * marked, and, for viewers who may act, a form that sets an override (a POST to the same address). Each page reads the
 * overrides it shows in one Query; setting one is that read, {@link OnCallService#override}'s own, and one write.
 */
final class SchedulePages implements ConsolePages {

    static final String PATH = ConsoleLayout.Section.SCHEDULES.path();
    /** How far from today a calendar may be asked for: beyond, the roster's answers are guesses nobody needs. */
    static final int MAX_YEARS_AWAY = 2;

    private final ConfigSource config;
    private final OnCallService onCall;
    private final InstantSource clock;

    SchedulePages(ConfigSource config, OnCallService onCall, InstantSource clock) {
        this.config = config;
        this.onCall = onCall;
        this.clock = clock;
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    @Override
    public HttpResponse handle(ConsoleRequest request) {
        FirebellConfig current = config.current();
        String rest = request.path().substring(PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return request.method().equals("POST") ? notFound(request, "Nothing is set from the list of schedules.")
                    : list(request, current);
        }
        String name = URLDecoder.decode(rest.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (name.contains("/") || !current.onCall().isSource(name)) {
            return notFound(request, "No rotation or schedule is named '" + name + "'.");
        }
        ZoneId zone = Links.zoneOf(current.onCall(), request.viewer().personId());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from;
        try {
            from = request.query("from").map(LocalDate::parse).orElse(today);
        } catch (DateTimeParseException e) {
            return ConsoleLayout.page(400, request, ConsoleLayout.Section.SCHEDULES, name, "<p class=\"notice error\">"
                    + "The week asked for is not a date: write <code>?from=</code> like " + today + ".</p>\n");
        }
        if (from.isBefore(today.minusYears(MAX_YEARS_AWAY)) || from.isAfter(today.plusYears(MAX_YEARS_AWAY))) {
            return ConsoleLayout.page(400, request, ConsoleLayout.Section.SCHEDULES, name, "<p class=\"notice error\">"
                    + "The calendar shows at most " + MAX_YEARS_AWAY + " years from today; " + Html.escape(from.toString())
                    + " is further.</p>\n");
        }
        if (request.method().equals("POST")) {
            return request.form().containsKey(OverrideForm.REMOVE)
                    ? removeOverride(request, name, from, now)
                    : setOverride(request, current, name, from, zone, now, today);
        }
        CalendarView.Notice notice = request.query("done").map(CalendarView.Notice::of).orElse(null);
        return calendar(200, request, current, name, from, zone, today, notice, null, Map.of());
    }

    /** Sets the override the form names, or shows the form again with what is wrong (400, nothing written). */
    private HttpResponse setOverride(ConsoleRequest request, FirebellConfig current, String name, LocalDate from,
                                     ZoneId zone, Instant now, LocalDate today) {
        Map<String, String> form = request.form();
        OverrideForm asked = OverrideForm.read(form, current.onCall().people(), zone, now);
        if (!asked.valid()) {
            return calendar(400, request, current, name, from, zone, today, null, asked.problems(), form);
        }
        String back = Links.calendarPath(name) + "?from=" + LocalDate.ofInstant(asked.start(), zone);
        // The same form posted twice names the same cover: say so, and write nothing again.
        List<ShiftOverride> existing = onCall.overrides(List.of(name), now).getOrDefault(name, List.of());
        for (ShiftOverride o : existing) {
            if (o.person().equals(asked.person()) && o.start().equals(asked.start()) && o.end().equals(asked.end())) {
                return ConsoleLayout.seeOther(back + "&done=" + CalendarView.Notice.ALREADY.key());
            }
        }
        Actor actor = Actor.via(request.viewer().personId(), Channel.CONSOLE, Map.of());
        try {
            onCall.override(name, asked.person(), asked.start(), asked.duration(), actor.id(),
                    "set by " + actor.described());
        } catch (IllegalArgumentException refused) {
            return calendar(400, request, current, name, from, zone, today, null, List.of(refused.getMessage()), form);
        }
        return ConsoleLayout.seeOther(back + "&done=" + CalendarView.Notice.SET.key());
    }

    /**
     * Removes the override a Remove button names, if it is one of this source's that has not ended; an id it no longer
     * holds (the button pressed twice, or removed meanwhile) says so and changes nothing.
     */
    private HttpResponse removeOverride(ConsoleRequest request, String name, LocalDate from, Instant now) {
        String id = request.form().get(OverrideForm.REMOVE);
        String back = Links.calendarPath(name) + "?from=" + from;
        boolean held = onCall.overrides(List.of(name), now).getOrDefault(name, List.of()).stream()
                .anyMatch(o -> o.id().equals(id) && o.end().isAfter(now));
        if (!held || !onCall.cancelOverride(name, id)) {
            return ConsoleLayout.seeOther(back + "&done=" + CalendarView.Notice.ALREADY_REMOVED.key());
        }
        return ConsoleLayout.seeOther(back + "&done=" + CalendarView.Notice.REMOVED.key());
    }

    private HttpResponse calendar(int status, ConsoleRequest request, FirebellConfig current, String name,
                                  LocalDate from, ZoneId zone, LocalDate today, CalendarView.Notice notice,
                                  List<String> problems, Map<String, String> form) {
        LocalDate monday = ShiftCalendar.weekOf(from);
        Instant start = ShiftCalendar.startOf(monday, zone);
        Instant end = ShiftCalendar.startOf(monday.plusWeeks(ShiftCalendar.WEEKS), zone);
        Map<String, List<ShiftOverride>> overrides = onCall.overrides(
                OnCallService.sourcesBehind(current, List.of(name)), start);
        Roster roster = new Roster(current.onCall(), overrides);
        List<ShiftOverride> all = new ArrayList<>();
        overrides.values().forEach(all::addAll);
        List<MarkedShift> shifts = MarkedShift.of(roster, name, start, end, all);
        ShiftCalendar calendar = ShiftCalendar.layout(shifts, monday, ShiftCalendar.WEEKS, zone, today);
        CalendarView view = new CalendarView(current.onCall(), name, calendar, shifts);
        StringBuilder b = new StringBuilder(16384);
        b.append("<p>").append(describe(current.onCall(), name)).append("</p>\n");
        if (notice != null) {
            b.append("<p class=\"notice\" role=\"status\">").append(Html.escape(notice.text())).append("</p>\n");
        }
        view.navigation(b);
        view.grid(b);
        view.table(b, zone);
        view.overrides(b, request, all, zone, clock.instant());
        if (request.viewer().mayAct()) {
            view.form(b, request, zone, clock.instant(), problems == null ? List.of() : problems, form);
        }
        return ConsoleLayout.page(status, request, ConsoleLayout.Section.SCHEDULES, name, b.toString());
    }

    private HttpResponse list(ConsoleRequest request, FirebellConfig current) {
        OnCallConfig oc = current.onCall();
        Instant now = clock.instant();
        ZoneId zone = Links.zoneOf(oc, request.viewer().personId());
        List<String> names = new ArrayList<>(new TreeSet<>(oc.rotations().keySet()));
        names.addAll(new TreeSet<>(oc.schedules().keySet()));
        Roster roster = onCall.roster(current, names, now);
        StringBuilder b = new StringBuilder(4096);
        b.append(Links.zoneNote(zone));
        if (names.isEmpty()) {
            b.append("<p>No rotations or schedules are configured yet.</p>\n");
            return ConsoleLayout.page(request, ConsoleLayout.Section.SCHEDULES, "Schedules", b.toString());
        }
        b.append("<div class=\"scroll\"><table>\n<caption>Rotations and schedules, each with its calendar</caption>\n")
                .append("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">How it turns</th>")
                .append("<th scope=\"col\">On call now</th></tr></thead>\n<tbody>\n");
        for (String name : names) {
            ShiftOverride override = roster.overrideAt(name, now);
            b.append("<tr><th scope=\"row\">").append(Links.calendar(name)).append("</th><td>")
                    .append(describe(oc, name)).append("</td><td>")
                    .append(OnCallPage.shiftText(oc, roster.shiftAt(name, now), override, zone, true))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
        return ConsoleLayout.page(request, ConsoleLayout.Section.SCHEDULES, "Schedules", b.toString());
    }

    /** A rotation's or schedule's configuration in a sentence (HTML, escaped). */
    static String describe(OnCallConfig oc, String name) {
        Rotation rotation = oc.rotations().get(name);
        if (rotation != null) {
            List<String> people = rotation.participants().stream()
                    .map(p -> oc.people().containsKey(p) ? oc.people().get(p).name() : p).toList();
            return "Rotation: " + Html.escape(rotation.shift().toString()) + " shifts handed off at "
                    + Html.escape(Times.clock(rotation.handoff()) + " " + rotation.zone().getId()) + ", since "
                    + Html.escape(rotation.start().toString()) + "; in turn: " + Html.escape(String.join(", ", people))
                    + ".";
        }
        Schedule schedule = Objects.requireNonNull(oc.schedules().get(name), name);
        List<String> layers = new ArrayList<>();
        for (Layer layer : schedule.layers()) {
            layers.add(Links.calendar(layer.rotation()) + (layer.unrestricted() ? "" : " ("
                    + Html.escape(String.join(", ", layer.restrictions().stream().map(Object::toString).toList()))
                    + ")"));
        }
        return "Schedule in " + Html.escape(schedule.zone().getId()) + "; the first layer with someone on call wins: "
                + String.join("; ", layers) + ".";
    }

    private static HttpResponse notFound(ConsoleRequest request, String text) {
        return ConsoleLayout.page(404, request, ConsoleLayout.Section.SCHEDULES, "Not found", "<p>" + Html.escape(text)
                + " <a href=\"" + PATH + "\">All rotations and schedules</a>.</p>\n");
    }
}
