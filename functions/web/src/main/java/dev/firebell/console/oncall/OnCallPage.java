package dev.firebell.console.oncall;

import dev.firebell.config.ConfigSource;
import dev.firebell.config.FirebellConfig;
import dev.firebell.console.ConsoleLayout;
import dev.firebell.console.ConsolePages;
import dev.firebell.console.ConsoleRequest;
import dev.firebell.escalation.EscalationLevel;
import dev.firebell.escalation.EscalationPolicy;
import dev.firebell.escalation.EscalationTarget;
import dev.firebell.metrics.Durations;
import dev.firebell.oncall.OnCallConfig;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.schedule.Shift;
import dev.firebell.service.ServicePolicy;
import dev.firebell.web.Html;
import dev.firebell.web.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /console/on-call}: for every configured service, each level of its escalation policy and, for each rotation
 * or schedule it pages, who is on call now (from when, until when), who is next and from when, with overrides named as
 * such. One read of the overrides of every rotation and schedule the page shows (one Query), beside the configuration.
 */
final class OnCallPage implements ConsolePages {

    static final String PATH = ConsoleLayout.Section.ON_CALL.path();

    private final ConfigSource config;
    private final OnCallService onCall;
    private final InstantSource clock;

    OnCallPage(ConfigSource config, OnCallService onCall, InstantSource clock) {
        this.config = config;
        this.onCall = onCall;
        this.clock = clock;
    }

    @Override
    public boolean handles(String path) {
        return path.equals(PATH) || path.equals(PATH + "/");
    }

    @Override
    public HttpResponse handle(ConsoleRequest request) {
        if (request.method().equals("POST")) {
            return ConsoleLayout.page(405, request, ConsoleLayout.Section.ON_CALL, "On call now and next",
                    "<p>This page only shows who is on call. Overrides are set from a rotation's calendar, under"
                            + " <a href=\"" + Links.SCHEDULES + "\">Schedules</a>.</p>\n");
        }
        FirebellConfig current = config.current();
        Instant now = clock.instant();
        ZoneId zone = Links.zoneOf(current.onCall(), request.viewer().personId());
        Set<String> sources = new LinkedHashSet<>();
        for (String service : new TreeSet<>(current.services().keySet())) {
            EscalationPolicy policy = policyOf(current, service);
            if (policy != null) {
                policy.levels().forEach(level -> level.targets().stream()
                        .filter(t -> t.kind() == EscalationTarget.Kind.ROTATION
                                || t.kind() == EscalationTarget.Kind.SCHEDULE)
                        .filter(t -> current.onCall().isSource(t.name()))
                        .forEach(t -> sources.add(t.name())));
            }
        }
        Roster roster = onCall.roster(current, sources, now);
        StringBuilder b = new StringBuilder(4096);
        b.append(Links.zoneNote(zone));
        if (current.services().isEmpty()) {
            b.append("<p>No services are configured yet: add them (and their escalation policies) to the"
                    + " configuration.</p>\n");
        }
        for (String service : new TreeSet<>(current.services().keySet())) {
            service(b, current, service, roster, now, zone);
        }
        return ConsoleLayout.page(request, ConsoleLayout.Section.ON_CALL, "On call now and next", b.toString());
    }

    private static void service(StringBuilder b, FirebellConfig current, String service, Roster roster, Instant now,
                                ZoneId zone) {
        String id = "service-" + Html.escape(service);
        b.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">")
                .append(Html.escape(service)).append("</h2>\n");
        ServicePolicy policy = current.service(service);
        EscalationPolicy escalation = policyOf(current, service);
        if (escalation == null) {
            b.append("<p>No escalation policy: its incidents page the fixed target <code>")
                    .append(Html.escape(String.valueOf(policy.pageTarget()))).append("</code>.</p>\n</section>\n");
            return;
        }
        b.append("<p>Escalation policy <strong>").append(Html.escape(escalation.name())).append("</strong>")
                .append(escalation.repeat() == 1 ? ", repeated once"
                        : escalation.repeat() > 1 ? ", repeated " + escalation.repeat() + " times" : "")
                .append(".</p>\n");
        b.append("<div class=\"scroll\"><table class=\"oncall\">\n<caption>Who ").append(Html.escape(service))
                .append(" pages</caption>\n<thead><tr><th scope=\"col\">Level</th><th scope=\"col\">Target</th>")
                .append("<th scope=\"col\">On call now</th><th scope=\"col\">Next</th></tr></thead>\n<tbody>\n");
        Duration after = Duration.ZERO;
        int number = 1;
        for (EscalationLevel level : escalation.levels()) {
            String levelText = number + (after.isZero() ? " (at once)" : " (after " + Durations.human(after) + ")");
            for (EscalationTarget target : level.targets()) {
                b.append("<tr><th scope=\"row\">").append(Html.escape(levelText)).append("</th>");
                target(b, current.onCall(), target, roster, now, zone);
                b.append("</tr>\n");
            }
            after = after.plus(level.escalateAfter());
            number++;
        }
        b.append("</tbody></table></div>\n</section>\n");
    }

    private static void target(StringBuilder b, OnCallConfig config, EscalationTarget target, Roster roster,
                               Instant now, ZoneId zone) {
        switch (target.kind()) {
            case PERSON -> b.append("<td>person</td><td>").append(Links.person(config, target.name()))
                    .append(" (paged directly, always)</td><td>-</td>");
            case SNS_TARGET -> b.append("<td>SNS target <code>").append(Html.escape(target.name()))
                    .append("</code></td><td>whoever subscribed to it</td><td>-</td>");
            case ROTATION, SCHEDULE -> {
                b.append("<td>").append(target.kind() == EscalationTarget.Kind.ROTATION ? "rotation " : "schedule ")
                        .append(Links.calendar(target.name())).append("</td>");
                if (!config.isSource(target.name())) {
                    b.append("<td colspan=\"2\">not configured: nobody is paged for it</td>");
                    return;
                }
                Shift shift = roster.shiftAt(target.name(), now);
                b.append("<td>").append(shiftText(config, shift, roster.overrideAt(target.name(), now), zone, true))
                        .append("</td>");
                Shift next = roster.nextShift(target.name(), now);
                b.append("<td>").append(next == null ? "no change within a year"
                        : shiftText(config, next, roster.overrideAt(target.name(), next.start()), zone, false))
                        .append("</td>");
            }
            default -> throw new IllegalStateException("unknown target kind " + target.kind());
        }
    }

    /** Who, from when until when (either may be unknown), and the override that puts them there. */
    static String shiftText(OnCallConfig config, Shift shift, ShiftOverride override, ZoneId zone, boolean current) {
        StringBuilder b = new StringBuilder(Links.person(config, shift.person()));
        if (override != null) {
            b.append(' ').append(overrideBadge(override));
        }
        if (shift.start() != null) {
            b.append("<br>").append(current ? "since " : "from ").append(Times.html(shift.start(), zone));
        }
        b.append("<br>").append(shift.end() == null ? "with no change within a year"
                : "until " + Times.html(shift.end(), zone));
        return b.toString();
    }

    /** An override, said in words (a colour alone would not say it): who set it. */
    static String overrideBadge(ShiftOverride override) {
        return "<span class=\"badge override\">override" + (override.createdBy() == null ? ""
                : " set by " + Html.escape(override.createdBy())) + "</span>";
    }

    private static EscalationPolicy policyOf(FirebellConfig current, String service) {
        String name = current.service(service).escalationPolicy();
        return name == null ? null : current.escalationPolicies().get(name);
    }
}
