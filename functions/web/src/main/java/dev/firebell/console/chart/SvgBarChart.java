package dev.firebell.console.chart;

import dev.firebell.metrics.Durations;
import dev.firebell.web.Html;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Horizontal bars on a time axis, as inline SVG that needs no script: report bars (from zero to a duration, with a
 * tick for a second figure such as the 90th percentile) and milestone charts (points and spans after a start). Each
 * row's label and figures sit on their own lines above its bar, so the chart stays legible when its fixed {@value #WIDTH}-unit view box is scaled
 * down to a phone's 390 px. Accessible as one image: {@code role="img"}, a title and a description that says every
 * row's figures in words; pages still give the same numbers in a table.
 */
public final class SvgBarChart {

    static final int WIDTH = 400;
    static final int LEFT = 8;
    static final int RIGHT = 24;
    /** A row: its label, its figures below, its bar below them (each on its own line, so none runs off a phone). */
    static final int ROW = 56;
    static final int BAR = 14;
    static final int TOP = 8;
    static final int AXIS = 34;
    /** Longer labels are cut (with an ellipsis) in the picture; the table beside it has them whole. */
    static final int MAX_LABEL = 56;
    static final String BAR_COLOUR = "#0b4f8a";
    static final String INK = "#1a1a1a";

    /** Axis steps people read at a glance. */
    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    private static final int MAX_TICKS = 4;

    /**
     * One row.
     *
     * @param label what it is (a service, a severity, a milestone)
     * @param from  where its bar starts on the axis (zero for a report bar)
     * @param to    where it ends; equal to {@code from} for a point in time (drawn as a diamond)
     * @param tick  a second figure drawn as a tick across the bar, or null
     * @param text  its figures in words, shown after the label and read out in the description
     */
    public record Row(String label, Duration from, Duration to, Duration tick, String text) {

        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.compareTo(from) < 0 || from.isNegative()) {
                throw new IllegalArgumentException("a row runs forward from zero or later: " + from + " to " + to);
            }
            text = text == null ? "" : text;
        }

        /** A bar from zero. */
        public static Row bar(String label, Duration value, Duration tick, String text) {
            return new Row(label, Duration.ZERO, value, tick, text);
        }

        /** A point in time, {@code at} after the chart's start. */
        public static Row point(String label, Duration at, String text) {
            return new Row(label, at, at, null, text);
        }

        boolean isPoint() {
            return from.equals(to);
        }
    }

    private SvgBarChart() {
    }

    /**
     * @param id          unique on the page: the title's and description's ids derive from it
     * @param title       what the chart shows, in a few words
     * @param description how to read it (what the bars and ticks are); each row's figures are added to it
     */
    public static String render(String id, String title, String description, List<Row> rows) {
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a chart id is lower-case letters, digits and hyphens: " + id);
        }
        Axis axis = Axis.of(rows);
        int height = TOP + rows.size() * ROW + AXIS;
        StringBuilder b = new StringBuilder(1024 + rows.size() * 256);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" font-family=\"system-ui, sans-serif\" font-size=\"14\" fill=\"").append(INK)
                .append("\">\n");
        b.append("<title id=\"").append(id).append("-title\">").append(Html.escape(title)).append("</title>\n");
        b.append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(description(description, rows)))
                .append("</desc>\n");
        int plotBottom = TOP + rows.size() * ROW;
        for (int i = 0; i <= axis.ticks; i++) {
            double x = axis.x(axis.step.multipliedBy(i));
            b.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(n(x))
                    .append("\" y2=\"").append(plotBottom + 4).append("\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>\n");
            String anchor = i == 0 ? "start" : i == axis.ticks ? "end" : "middle";
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(plotBottom + 22).append("\" font-size=\"13\"")
                    .append(" text-anchor=\"").append(anchor).append("\">")
                    .append(Html.escape(Durations.human(axis.step.multipliedBy(i)))).append("</text>\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int top = TOP + i * ROW;
            String label = row.label().length() > MAX_LABEL ? row.label().substring(0, MAX_LABEL - 1) + "\u2026"
                    : row.label();
            b.append("<text x=\"").append(LEFT).append("\" y=\"").append(top + 15).append("\" font-weight=\"600\">")
                    .append(Html.escape(label)).append("</text>\n");
            if (!row.text().isEmpty()) {
                b.append("<text x=\"").append(LEFT).append("\" y=\"").append(top + 32).append("\" font-size=\"13\">")
                        .append(Html.escape(row.text())).append("</text>\n");
            }
            int barTop = top + 37;
            double x1 = axis.x(row.from());
            if (row.isPoint()) {
                double cy = barTop + BAR / 2.0;
                double r = BAR / 2.0 + 1;
                b.append("<polygon points=\"").append(n(x1)).append(',').append(n(cy - r)).append(' ')
                        .append(n(x1 + r)).append(',').append(n(cy)).append(' ').append(n(x1)).append(',')
                        .append(n(cy + r)).append(' ').append(n(x1 - r)).append(',').append(n(cy))
                        .append("\" fill=\"").append(BAR_COLOUR).append("\"/>\n");
            } else {
                double width = Math.max(1, axis.x(row.to()) - x1);
                b.append("<rect x=\"").append(n(x1)).append("\" y=\"").append(barTop).append("\" width=\"")
                        .append(n(width)).append("\" height=\"").append(BAR).append("\" fill=\"").append(BAR_COLOUR)
                        .append("\"/>\n");
            }
            if (row.tick() != null) {
                double x = axis.x(row.tick());
                b.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(barTop - 4).append("\" x2=\"")
                        .append(n(x)).append("\" y2=\"").append(barTop + BAR + 4).append("\" stroke=\"").append(INK)
                        .append("\" stroke-width=\"3\"/>\n");
            }
        }
        return b.append("</svg>\n").toString();
    }

    private static String description(String description, List<Row> rows) {
        StringBuilder d = new StringBuilder(description);
        if (rows.isEmpty()) {
            return d.append(" Nothing to show.").toString();
        }
        for (Row row : rows) {
            d.append(' ').append(row.label());
            if (!row.text().isEmpty()) {
                d.append(": ").append(row.text());
            }
            d.append('.');
        }
        return d.toString();
    }

    /** Coordinates with at most one decimal, whatever the locale. */
    static String n(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** The time axis: whole steps from zero to at least the largest figure. */
    record Axis(Duration step, int ticks) {

        static Axis of(List<Row> rows) {
            Duration max = Duration.ZERO;
            for (Row row : rows) {
                max = later(max, row.to());
                if (row.tick() != null) {
                    max = later(max, row.tick());
                }
            }
            Duration step = STEPS.get(STEPS.size() - 1);
            for (Duration s : STEPS) {
                if (ticksFor(max, s) <= MAX_TICKS) {
                    step = s;
                    break;
                }
            }
            return new Axis(step, Math.max(1, ticksFor(max, step)));
        }

        Duration end() {
            return step.multipliedBy(ticks);
        }

        double x(Duration d) {
            double fraction = Math.min(1.0, (double) d.toMillis() / end().toMillis());
            return LEFT + fraction * (WIDTH - LEFT - RIGHT);
        }

        private static int ticksFor(Duration max, Duration step) {
            long n = (max.toMillis() + step.toMillis() - 1) / step.toMillis();
            return (int) Math.min(Integer.MAX_VALUE, n);
        }

        private static Duration later(Duration a, Duration b) {
            return b.compareTo(a) > 0 ? b : a;
        }
    }
}
