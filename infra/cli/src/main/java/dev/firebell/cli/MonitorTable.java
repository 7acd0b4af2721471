package dev.firebell.cli;

import dev.firebell.config.FirebellConfig;
import dev.firebell.heartbeat.DownCause;
import dev.firebell.heartbeat.HeartbeatStore;
import dev.firebell.heartbeat.Monitor;
import dev.firebell.heartbeat.MonitorRecord;
import dev.firebell.heartbeat.MonitorState;
import dev.firebell.heartbeat.PingKind;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

/** What {@code monitors list} and {@code monitors url} print: a monitor's state as of an instant, and its URLs. */
final class MonitorTable {

    private static final String ROW = "%-28s %-12s %-5s %-6s %-6s %-40s %-45s %s%n";

    private MonitorTable() {
    }

    static void print(FirebellConfig config, HeartbeatStore store, Instant at, PrintStream out) {
        if (config.heartbeats().isEmpty()) {
            out.println("no heartbeat monitors are declared (see docs/heartbeats.md)");
            return;
        }
        out.printf(ROW, "MONITOR", "SERVICE", "SEV", "EVERY", "GRACE", "STATE", "LAST PING", "NEXT DEADLINE");
        for (Map.Entry<String, Monitor> e : new java.util.TreeMap<>(config.heartbeats()).entrySet()) {
            Monitor m = e.getValue();
            boolean hasToken = store.token(m.name()).isPresent();
            MonitorRecord r = store.record(m.name());
            out.printf(ROW, m.name(), m.service(), m.severity(), human(m.interval()), human(m.grace()),
                    hasToken ? state(r, at) : "no token: run config apply", lastPing(r, at), deadline(r, at));
        }
    }

    /** Where it stands at {@code at}: a monitor past its deadline is late until the sweep (within a minute) finds it. */
    static String state(MonitorRecord r, Instant at) {
        if (r.state() == MonitorState.NEW) {
            return "new (never pinged, never expires)";
        }
        if (r.state() == MonitorState.DOWN) {
            return "DOWN since " + r.downSince() + " (" + cause(r) + ")";
        }
        String state = r.state() == MonitorState.RUNNING ? "running" : "up";
        return r.dueAt() != null && !r.dueAt().isAfter(at) ? "LATE (" + state + " until " + r.dueAt() + ")" : state;
    }

    private static String cause(MonitorRecord r) {
        return switch (r.cause() == null ? DownCause.MISSED : r.cause()) {
            case FAILED -> "reported a failure";
            case RAN_TOO_LONG -> "run too long";
            case MISSED -> "missed";
        };
    }

    static String lastPing(MonitorRecord r, Instant at) {
        if (r.lastPingAt() == null) {
            return "-";
        }
        String kind = r.lastPingKind() == null || r.lastPingKind() == PingKind.SUCCESS ? "" : r.lastPingKind().suffix()
                + ", ";
        Duration ago = Duration.between(r.lastPingAt(), at);
        return r.lastPingAt() + " (" + kind + (ago.isNegative() ? "after --at" : human(ago) + " ago") + ")";
    }

    private static String deadline(MonitorRecord r, Instant at) {
        if (r.dueAt() == null || r.state() == MonitorState.DOWN) {
            return "-";
        }
        Duration left = Duration.between(at, r.dueAt());
        return r.dueAt() + (left.isNegative() || left.isZero() ? " (passed)" : " (in " + human(left) + ")");
    }

    static void printUrls(String base, String token, PrintStream out) {
        String root = base == null ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String url = root + "/ping/" + token;
        out.println(url);
        out.println(url + "/start");
        out.println(url + "/fail");
        if (base == null) {
            out.println("(prefix these with the stack's PublicEndpointUrl, or give it with --base-url)");
        }
    }

    static String declared(FirebellConfig config) {
        return config.heartbeats().isEmpty() ? " (none are declared)"
                : " (declared: " + String.join(", ", new TreeSet<>(config.heartbeats().keySet())) + ")";
    }

    /** 1d2h, 15m, 45s: the form the configuration takes. */
    static String human(Duration d) {
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (s >= sizes[i]) {
                out.append(s / sizes[i]).append(units[i]);
                s %= sizes[i];
            }
        }
        return out.length() == 0 ? "0s" : out.toString();
    }
}
