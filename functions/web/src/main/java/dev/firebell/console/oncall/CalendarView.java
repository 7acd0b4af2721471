package dev.firebell.console.oncall;

import dev.firebell.console.ConsoleRequest;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.person.Person;
import dev.firebell.web.Html;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The HTML of a calendar page: the links to the weeks before and after, the month-like grid (a list of days on a
 * phone, seven columns on a wider screen, by the stylesheet alone), the table of the same shifts with their instants in
 * UTC and the viewer's zone, and the override form.
 */
final class CalendarView {

    /** What the page says after a form acted ({@code ?done=}): fixed sentences, never text from the address. */
    enum Notice {
        SET("override", "The override is saved: it is marked below, and on the on-call page."),
        ALREADY("already", "That override was already saved (the form was sent twice): nothing new was written."),
        REMOVED("removed", "The override is removed: the rotation decides those hours again."),
        ALREADY_REMOVED("already-removed", "That override was already removed (the form was sent twice, or someone"
                + " else removed it): nothing changed.");

        private final String key;
        private final String text;

        Notice(String key, String text) {
            this.key = key;
            this.text = text;
        }

        String key() {
            return key;
        }

        String text() {
            return text;
        }

        static Notice of(String key) {
            for (Notice n : values()) {
                if (n.key.equals(key)) {
                    return n;
                }
            }
            return null;
        }
    }

    private final OnCallConfig config;
    private final String source;
    private final ShiftCalendar calendar;
    private final List<MarkedShift> shifts;

    CalendarView(OnCallConfig config, String source, ShiftCalendar calendar, List<MarkedShift> shifts) {
        this.config = config;
        this.source = source;
        this.calendar = calendar;
        this.shifts = shifts;
    }

    /** The period shown, and links to the four weeks before, this week, and the four weeks after. */
    void navigation(StringBuilder b) {
        LocalDate first = calendar.weeks().get(0).monday();
        LocalDate last = first.plusWeeks(ShiftCalendar.WEEKS).minusDays(1);
        String path = Html.escape(Links.calendarPath(source));
        b.append("<nav class=\"weeks\" aria-label=\"Weeks\"><a href=\"").append(path).append("?from=")
                .append(first.minusWeeks(ShiftCalendar.WEEKS)).append("\">Previous four weeks</a> <a href=\"")
                .append(path).append("\">This week</a> <a href=\"").append(path).append("?from=")
                .append(first.plusWeeks(ShiftCalendar.WEEKS)).append("\">Next four weeks</a></nav>\n");
        b.append("<p>From <strong>").append(Html.escape(Times.LONG_DAY.format(first))).append("</strong> to <strong>")
                .append(Html.escape(Times.LONG_DAY.format(last))).append("</strong>, days and times in ")
                .append(Times.isUtc(calendar.zone()) ? "UTC" : "your time zone, " + Html.escape(calendar.zone().getId()))
                .append(".</p>\n");
    }

    /** Seven columns from Monday; each day lists the shifts covering part of it, overrides and gaps said in words. */
    void grid(StringBuilder b) {
        b.append("<h2 id=\"calendar\">Calendar</h2>\n<div class=\"calendar\">\n<div class=\"weekdays\" aria-hidden=\"true\">");
        for (String day : List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")) {
            b.append("<span>").append(day).append("</span>");
        }
        b.append("</div>\n<ol class=\"days\">\n");
        for (ShiftCalendar.Week week : calendar.weeks()) {
            for (ShiftCalendar.Day day : week.days()) {
                b.append("<li class=\"day").append(day.today() ? " today\" aria-current=\"date\"" : "\"")
                        .append("><p class=\"date\"><time datetime=\"").append(day.date()).append("\">")
                        .append(Html.escape(Times.DAY.format(day.date()))).append("</time>")
                        .append(day.today() ? " <strong class=\"badge\">today</strong>" : "").append("</p>\n");
                b.append("<ul class=\"shifts\">\n");
                for (ShiftCalendar.Entry e : day.entries()) {
                    MarkedShift s = e.shift();
                    b.append("<li class=\"").append(s.isGap() ? "gap" : s.isOverride() ? "override" : "rotation")
                            .append("\"><span class=\"when\">").append(Html.escape(when(e))).append("</span> ")
                            .append(Links.person(config, s.person()));
                    if (s.isOverride()) {
                        b.append(' ').append(OnCallPage.overrideBadge(s.override()));
                    }
                    b.append("</li>\n");
                }
                b.append("</ul></li>\n");
            }
        }
        b.append("</ol>\n</div>\n");
    }

    /** The same shifts as a table: who, from, until (UTC and the viewer's zone), and why. */
    void table(StringBuilder b, ZoneId zone) {
        b.append("<h2 id=\"shifts\">Shifts</h2>\n<div class=\"scroll\"><table>\n<caption>Shifts of ")
                .append(Html.escape(source)).append(" in these four weeks, in order</caption>\n")
                .append("<thead><tr><th scope=\"col\">Who</th><th scope=\"col\">From</th><th scope=\"col\">Until</th>")
                .append("<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
        for (MarkedShift s : shifts) {
            b.append("<tr><th scope=\"row\">").append(Links.person(config, s.person())).append("</th><td>")
                    .append(s.start().equals(calendar.start()) ? "before this period, " : "")
                    .append(Times.html(s.start(), zone)).append("</td><td>").append(Times.html(s.end(), zone))
                    .append(s.end().equals(calendar.end()) ? ", or later" : "").append("</td><td>")
                    .append(s.isOverride() ? OnCallPage.overrideBadge(s.override())
                            + (s.override().reason() == null ? "" : " " + Html.escape(s.override().reason()))
                            : s.isGap() ? "no layer has anyone" : "the rotation")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    /**
     * The override form, with what was wrong with the last one sent (each problem named) and its values kept. Local
     * times are read in the viewer's zone, which the labels say.
     */
    void form(StringBuilder b, ConsoleRequest request, ZoneId zone, Instant now, List<String> problems,
              Map<String, String> sent) {
        String zoneName = Html.escape(zone.getId());
        b.append("<h2 id=\"override\">Set an override</h2>\n<p>Someone takes the shifts of ").append(Html.escape(source))
                .append(" for a while (at most ").append(OnCallService.MAX_OVERRIDE.toDays())
                .append(" days); it beats the rotation, and the override set last wins where two overlap.</p>\n");
        if (!problems.isEmpty()) {
            b.append("<div class=\"notice error\" id=\"override-problems\"><p><strong>The override was not set")
                    .append("</strong>; nothing was changed:</p>\n<ul>\n");
            problems.forEach(p -> b.append("<li>").append(Html.escape(p)).append("</li>\n"));
            b.append("</ul></div>\n");
        }
        String chosen = sent.getOrDefault(OverrideForm.PERSON, request.viewer().personId());
        b.append("<form method=\"post\" class=\"override\" action=\"")
                .append(Html.escape(Links.calendarPath(source) + "?from=" + calendar.weeks().get(0).monday()))
                .append("\"").append(problems.isEmpty() ? "" : " aria-describedby=\"override-problems\"").append(">\n")
                .append(request.csrfField()).append('\n')
                .append("<label for=\"override-person\">Who takes the shifts</label>\n")
                .append("<select id=\"override-person\" name=\"").append(OverrideForm.PERSON).append("\">\n");
        config.people().values().stream().sorted(Comparator.comparing(Person::name).thenComparing(Person::id))
                .forEach(p -> b.append("<option value=\"").append(Html.escape(p.id())).append('"')
                        .append(p.id().equals(chosen) ? " selected" : "").append('>').append(Html.escape(p.name()))
                        .append("</option>\n"));
        String start = sent.getOrDefault(OverrideForm.START, Times.localInput(now.truncatedTo(ChronoUnit.MINUTES), zone));
        b.append("</select>\n<label for=\"override-start\">Start, in your time zone (").append(zoneName)
                .append(")</label>\n<input type=\"datetime-local\" id=\"override-start\" name=\"")
                .append(OverrideForm.START).append("\" value=\"").append(Html.escape(start)).append("\" required>\n")
                .append("<label for=\"override-duration\">Duration</label>\n<input type=\"text\" id=\"override-duration\"")
                .append(" name=\"").append(OverrideForm.DURATION).append("\" value=\"")
                .append(Html.escape(sent.getOrDefault(OverrideForm.DURATION, ""))).append("\" inputmode=\"text\"")
                .append(" aria-describedby=\"override-duration-hint\">\n<p class=\"muted\" id=\"override-duration-hint\">")
                .append("Such as 4h, 1d or 2h30m. Or leave it empty and give an end instead.</p>\n")
                .append("<label for=\"override-end\">Or end, in your time zone (").append(zoneName).append(")</label>\n")
                .append("<input type=\"datetime-local\" id=\"override-end\" name=\"").append(OverrideForm.END)
                .append("\" value=\"").append(Html.escape(sent.getOrDefault(OverrideForm.END, ""))).append("\">\n")
                .append("<p><button type=\"submit\">Set the override</button></p>\n</form>\n");
    }

    /**
     * The overrides of this calendar's source that have not ended, each with a Remove button (a POST naming its id) for
     * viewers who may act; nothing when there are none.
     */
    void overrides(StringBuilder b, ConsoleRequest request, List<ShiftOverride> overrides, ZoneId zone, Instant now) {
        List<ShiftOverride> current = overrides.stream().filter(o -> o.source().equals(source))
                .filter(o -> o.end().isAfter(now)).sorted(Comparator.comparing(ShiftOverride::start)).toList();
        if (current.isEmpty()) {
            return;
        }
        b.append("<h2 id=\"overrides\">Overrides of ").append(Html.escape(source)).append("</h2>\n")
                .append("<div class=\"scroll\"><table>\n<caption>Overrides that have not ended, earliest first</caption>\n")
                .append("<thead><tr><th scope=\"col\">Who</th><th scope=\"col\">From</th><th scope=\"col\">Until</th>")
                .append("<th scope=\"col\">Set by</th>").append(request.viewer().mayAct() ? "<th scope=\"col\">Remove</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (ShiftOverride o : current) {
            b.append("<tr><th scope=\"row\">").append(Links.person(config, o.person())).append("</th><td>")
                    .append(Times.html(o.start(), zone)).append("</td><td>").append(Times.html(o.end(), zone))
                    .append("</td><td>").append(Html.escape(o.reason() != null ? o.reason() : o.createdBy())).append("</td>");
            if (request.viewer().mayAct()) {
                b.append("<td><form method=\"post\" class=\"inline\" action=\"")
                        .append(Html.escape(Links.calendarPath(source) + "?from=" + calendar.weeks().get(0).monday()))
                        .append("\">").append(request.csrfField()).append("<input type=\"hidden\" name=\"")
                        .append(OverrideForm.REMOVE).append("\" value=\"").append(Html.escape(o.id()))
                        .append("\"><button type=\"submit\" class=\"secondary\">Remove the override of ")
                        .append(Html.escape(personName(o.person()))).append(" from ")
                        .append(Html.escape(Times.DAY_TIME.format(o.start().atZone(zone)))).append("</button></form></td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private String personName(String id) {
        Person p = config.people().get(id);
        return p == null ? id : p.name();
    }

    /** An entry's times on its day, in words where a time is not on this day. */
    static String when(ShiftCalendar.Entry e) {
        if (e.from() == null && e.until() == null) {
            return "all day";
        }
        if (e.from() == null) {
            return "until " + Times.clock(e.until());
        }
        if (e.until() == null) {
            return "from " + Times.clock(e.from());
        }
        return Times.clock(e.from()) + "–" + Times.clock(e.until());
    }
}
