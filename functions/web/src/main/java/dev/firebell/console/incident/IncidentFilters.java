package dev.firebell.console.incident;

import dev.firebell.incident.IncidentCursor;
import dev.firebell.incident.IncidentQuery;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.InvalidCursorException;
import dev.firebell.routing.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The incidents list's filters as the address carries them ({@code ?status=&service=&severity=&from=&to=&after=}),
 * read and checked: every value that is wrong is named, and nothing is read until all are right. Dates are whole UTC
 * days, both included; by default the last 30 (today and the 29 before).
 *
 * @param status   {@code open}, {@code triggered}, {@code acknowledged}, {@code resolved}, or empty for any
 * @param service  a service, or empty for all
 * @param severity {@code SEV1}..{@code SEV5}, or empty for any
 * @param from     the first day
 * @param to       the last day
 * @param after    where the page starts, as the previous page's link gave it; empty for the first page
 */
record IncidentFilters(String status, String service, String severity, LocalDate from, LocalDate to, String after) {

    static final int PAGE_SIZE = 25;
    static final int DEFAULT_DAYS = 30;
    /** At most this many days in one list: each month of the period is one Query at least. */
    static final int MAX_DAYS = 366;
    static final List<String> STATUSES = List.of("open", "triggered", "acknowledged", "resolved");

    /** The filters, or why they cannot be used. */
    record Read(IncidentFilters filters, IncidentQuery query, List<String> problems) {
    }

    static Read read(Map<String, String> parameters, Instant now) {
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String status = value(parameters, "status").toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            problems.add("status '" + status + "' is not one of " + String.join(", ", STATUSES));
        }
        String service = value(parameters, "service");
        if (service.length() > 100) {
            problems.add("service is longer than any service name (100 characters at most)");
            service = "";
        }
        String severityText = value(parameters, "severity");
        Severity severity = null;
        if (!severityText.isEmpty()) {
            try {
                severity = Severity.parse(severityText);
                severityText = severity.name();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        LocalDate to = date(parameters, "to", today, problems);
        LocalDate from = date(parameters, "from", to.minusDays(DEFAULT_DAYS - 1L), problems);
        if (from.isAfter(to)) {
            problems.add("from (" + from + ") is after to (" + to + ")");
        } else if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            problems.add("the period from " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
        }
        String after = value(parameters, "after");
        IncidentFilters filters = new IncidentFilters(status, service, severityText, from, to, after);
        if (!problems.isEmpty()) {
            return new Read(filters, null, problems);
        }
        try {
            IncidentQuery query = new IncidentQuery(start(from), start(to.plusDays(1)), service,
                    severity == null ? Set.of() : Set.of(severity), statuses(status),
                    after.isEmpty() ? null : IncidentCursor.decode(after), PAGE_SIZE);
            return new Read(filters, query, List.of());
        } catch (InvalidCursorException e) {
            return new Read(filters.withoutPosition(), null, List.of(e.getMessage()
                    + "; start again from the first page"));
        }
    }

    IncidentFilters withoutPosition() {
        return new IncidentFilters(status, service, severity, from, to, "");
    }

    /** This list's address, starting after {@code position} (null: the first page). */
    String link(IncidentCursor position) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", status);
        parameters.put("service", service);
        parameters.put("severity", severity);
        parameters.put("from", from.toString());
        parameters.put("to", to.toString());
        parameters.put("after", position == null ? "" : position.encode());
        StringBuilder b = new StringBuilder(IncidentPages.LIST);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!p.getValue().isEmpty()) {
                b.append(separator).append(p.getKey()).append('=')
                        .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return b.toString();
    }

    private static Set<IncidentStatus> statuses(String status) {
        switch (status) {
            case "open":
                return EnumSet.of(IncidentStatus.TRIGGERED, IncidentStatus.ACKNOWLEDGED);
            case "triggered":
                return EnumSet.of(IncidentStatus.TRIGGERED);
            case "acknowledged":
                return EnumSet.of(IncidentStatus.ACKNOWLEDGED);
            case "resolved":
                return EnumSet.of(IncidentStatus.RESOLVED);
            default:
                return Set.of();
        }
    }

    private static LocalDate date(Map<String, String> parameters, String name, LocalDate otherwise,
                                  List<String> problems) {
        String text = value(parameters, name);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= 2000 && date.getYear() <= 2999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // named below, as a year out of range is
        }
        problems.add(name + " '" + text + "' is not a date like 2026-11-27 (years 2000 to 2999)");
        return otherwise;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String value(Map<String, String> parameters, String name) {
        String v = parameters.get(name);
        return v == null ? "" : v.trim();
    }
}
