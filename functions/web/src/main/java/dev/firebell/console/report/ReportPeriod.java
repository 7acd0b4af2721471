package dev.firebell.console.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The days a report covers, whole UTC days from {@code from} to {@code to}, both included: what people pick in a date
 * field. Without either, the last {@value #DEFAULT_DAYS} days up to today. At most {@value #MAX_DAYS} days (a report
 * reads two index partitions per month), never ending after today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    /** Where the period starts: midnight UTC of {@code from}. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Where it ends (excluded): midnight UTC after {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The last {@code days} days, today included. */
    public static ReportPeriod last(int days, LocalDate today) {
        return new ReportPeriod(today.minusDays(days - 1L), today);
    }

    /**
     * The period the query asks for, each bound optional.
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong with it
     */
    public static ReportPeriod parse(Optional<String> from, Optional<String> to, LocalDate today) {
        LocalDate end = to.isPresent() ? date("to", to.get()) : today;
        LocalDate start = from.isPresent() ? date("from", from.get()) : end.minusDays(DEFAULT_DAYS - 1L);
        if (end.isAfter(today)) {
            throw new IllegalArgumentException("'to' (" + end + ") is after today (" + today + ", UTC): a report"
                    + " covers days that have begun");
        }
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("'from' (" + start + ") is after 'to' (" + end + ")");
        }
        ReportPeriod period = new ReportPeriod(start, end);
        if (period.days() > MAX_DAYS) {
            throw new IllegalArgumentException("the period from " + start + " to " + end + " is " + period.days()
                    + " days: a report covers at most " + MAX_DAYS);
        }
        return period;
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' (" + text + ") is not a date like 2026-11-01");
        }
    }
}
