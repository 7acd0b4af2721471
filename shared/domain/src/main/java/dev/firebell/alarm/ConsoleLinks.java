package dev.firebell.alarm;

import dev.firebell.account.Origin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep links into the CloudWatch console of the alarm's own region. The console opens in whichever account the reader
 * is signed in to, so a link to an alarm of another account goes with {@link #note}.
 */
public final class ConsoleLinks {
    private ConsoleLinks() {
    }

    /**
     * What to tell the reader of a link to an alarm of that origin: {@code in account shop-prod (111122223333): switch
     * role first}. Null for Firebell's own account (any region: the link itself opens the alarm's region).
     */
    public static String note(Origin origin) {
        return origin != null && origin.otherAccount() ? "in account " + origin.account() + ": switch role first" : null;
    }

    public static String alarm(String region, String alarmName) {
        return base(region) + "#alarmsV2:alarm/" + URLEncoder.encode(alarmName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The metrics an alarm evaluates, graphed over {@code from}..{@code to}: plain metrics with their dimensions,
     * stat and period, and metric-math expressions with their labels. The console reads the graph from the URL
     * fragment in JSURL notation ({@code ~(key~'value)}), which {@link Jsurl} writes.
     *
     * @return null when there is nothing to graph (a composite alarm has no metrics of its own)
     */
    public static String metrics(String region, List<AlarmMetric> metrics, Instant from, Instant to) {
        if (metrics.isEmpty()) {
            return null;
        }
        List<Object> lines = new ArrayList<>();
        for (AlarmMetric m : metrics) {
            Map<String, Object> options = new LinkedHashMap<>();
            if (m.id() != null) {
                options.put("id", m.id());
            }
            if (m.isExpression()) {
                options.put("expression", m.expression());
                if (m.label() != null) {
                    options.put("label", m.label());
                }
                lines.add(List.of(options));
                continue;
            }
            List<Object> line = new ArrayList<>();
            line.add(m.namespace());
            line.add(m.name());
            m.dimensions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
                line.add(d.getKey());
                line.add(d.getValue());
            });
            if (m.stat() != null) {
                options.put("stat", m.stat());
            }
            if (m.periodSeconds() != null) {
                options.put("period", m.periodSeconds());
            }
            if (!options.isEmpty()) {
                line.add(options);
            }
            lines.add(line);
        }
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("metrics", lines);
        graph.put("view", "timeSeries");
        graph.put("stacked", false);
        graph.put("region", region);
        graph.put("start", from.toString());
        graph.put("end", to.toString());
        return base(region) + "#metricsV2:graph=" + Jsurl.stringify(graph);
    }

    private static String base(String region) {
        String host = region.startsWith("cn-") ? region + ".console.amazonaws.cn"
                : region.startsWith("us-gov-") ? region + ".console.amazonaws-us-gov.com"
                : region + ".console.aws.amazon.com";
        return "https://" + host + "/cloudwatch/home?region=" + region;
    }

    /**
     * JSURL, the compact JSON-in-a-URL notation the CloudWatch console uses in its fragments: objects
     * {@code ~(key~value)}, arrays {@code ~(~value~value)}, strings {@code ~'text} with every character outside
     * {@code [A-Za-z0-9_.-]} written as {@code *hh} ({@code **hhhh} above 0xFF) and {@code $} as {@code !}.
     */
    static final class Jsurl {
        private Jsurl() {
        }

        static String stringify(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("~null");
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append('~').append(value);
            } else if (value instanceof String s) {
                out.append("~'");
                encode(s, out);
            } else if (value instanceof List<?> list) {
                out.append("~(");
                if (list.isEmpty()) {
                    out.append('~');
                }
                for (Object item : list) {
                    write(item, out);
                }
                out.append(')');
            } else if (value instanceof Map<?, ?> map) {
                out.append("~(");
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append('~');
                    }
                    first = false;
                    encode(String.valueOf(e.getKey()), out);
                    write(e.getValue(), out);
                }
                out.append(')');
            } else {
                throw new IllegalArgumentException("JSURL cannot write a " + value.getClass().getSimpleName());
            }
        }

        private static void encode(String s, StringBuilder out) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                        || c == '.') {
                    out.append(c);
                } else if (c == '$') {
                    out.append('!');
                } else if (c < 0x100) {
                    out.append('*').append(String.format("%02x", (int) c));
                } else {
                    out.append("**").append(String.format("%04x", (int) c));
                }
            }
        }
    }
}
