package dev.firebell.metrics;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report behind {@code firebell report} (and a chat command later): which incidents opened in a period,
 * how fast they were acknowledged and resolved, and which alarms keep opening incidents that go away on their
 * own. Two index queries per month of the period; no timeline reads, no scan.
 */
public final class IncidentReports {

    public static final Duration DEFAULT_NOISY_WITHIN = Duration.ofMinutes(5);
    static final int NOISIEST = 10;

    private final IncidentHistory history;
    private final IncidentMetricsStore recorded;

    public IncidentReports(IncidentHistory history, IncidentMetricsStore recorded) {
        this.history = history;
        this.recorded = recorded;
    }

    public IncidentReport report(Instant from, Instant to, Duration noisyWithin) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the report period is empty: " + from + " is not before " + to);
        }
        if (noisyWithin.isNegative() || noisyWithin.isZero()) {
            throw new IllegalArgumentException("noisy-within must be positive, not " + noisyWithin);
        }
        List<Incident> incidents = history.openedBetween(from, to);
        Map<String, IncidentMetrics> byId = new HashMap<>();
        for (IncidentMetrics m : recorded.openedBetween(from, to)) {
            byId.put(m.incidentId(), m);
        }
        List<IncidentMetrics> metrics = new ArrayList<>();
        int estimated = 0;
        int open = 0;
        for (Incident incident : incidents) {
            if (incident.isOpen()) {
                open++;
            }
            IncidentMetrics m = byId.get(incident.id());
            // A record of an earlier resolution (the incident reopened since) no longer describes it.
            if (m == null || m.resolvedAt() == null || !m.resolvedAt().equals(incident.resolvedAt())) {
                m = IncidentMetrics.of(incident, List.of());
                if (!incident.isOpen()) {
                    estimated++;
                }
            }
            metrics.add(m);
        }
        return new IncidentReport(from, to, incidents.size(), open, estimated, noisyWithin,
                stats("all", metrics), group(metrics, IncidentMetrics::service),
                group(metrics, m -> m.severity().name()), noisiest(metrics, noisyWithin),
                loudest(incidents));
    }

    private static List<IncidentReport.Stats> group(List<IncidentMetrics> all, Function<IncidentMetrics, String> key) {
        Map<String, List<IncidentMetrics>> groups = new TreeMap<>();
        for (IncidentMetrics m : all) {
            groups.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(m);
        }
        List<IncidentReport.Stats> out = new ArrayList<>();
        groups.forEach((k, members) -> out.add(stats(k, members)));
        return out;
    }

    private static IncidentReport.Stats stats(String key, List<IncidentMetrics> members) {
        List<Duration> acknowledge = new ArrayList<>();
        List<Duration> resolve = new ArrayList<>();
        List<Duration> detect = new ArrayList<>();
        int autoResolved = 0;
        for (IncidentMetrics m : members) {
            acknowledge.add(m.timeToAcknowledge());
            resolve.add(m.timeToResolve());
            detect.add(m.timeToDetect());
            if (m.timeToResolve() != null && m.autoResolved()) {
                autoResolved++;
            }
        }
        DurationSummary ack = DurationSummary.of(acknowledge);
        DurationSummary res = DurationSummary.of(resolve);
        return new IncidentReport.Stats(key, members.size(), res.count(), ack.count(), autoResolved, ack, res,
                DurationSummary.of(detect));
    }

    private static List<IncidentReport.NoisyAlarm> noisiest(List<IncidentMetrics> all, Duration within) {
        Map<String, List<IncidentMetrics>> byAlarm = new LinkedHashMap<>();
        for (IncidentMetrics m : all) {
            if (m.dedupKey() != null) {
                byAlarm.computeIfAbsent(m.dedupKey(), k -> new ArrayList<>()).add(m);
            }
        }
        List<IncidentReport.NoisyAlarm> noisy = new ArrayList<>();
        byAlarm.forEach((key, members) -> {
            int quick = 0;
            int reopens = 0;
            List<Duration> durations = new ArrayList<>();
            for (IncidentMetrics m : members) {
                reopens += m.reopenCount();
                durations.add(m.timeToResolve());
                if (m.autoResolved() && m.timeToResolve() != null && m.timeToResolve().compareTo(within) <= 0) {
                    quick++;
                }
            }
            // A flap (reopened soon after the alarm's own OK) is an auto-resolution that came back: noise too.
            if (quick + reopens > 0) {
                IncidentMetrics last = members.get(members.size() - 1);
                noisy.add(new IncidentReport.NoisyAlarm(last.alarmName() != null ? last.alarmName() : key, key,
                        last.service(), members.size(), quick, reopens, DurationSummary.of(durations).median()));
            }
        });
        noisy.sort(Comparator.comparingInt((IncidentReport.NoisyAlarm n) -> n.quickAutoResolved() + n.reopens()).reversed()
                .thenComparing(Comparator.comparingInt(IncidentReport.NoisyAlarm::quickAutoResolved).reversed())
                .thenComparing(Comparator.comparingInt(IncidentReport.NoisyAlarm::incidents).reversed())
                .thenComparing(IncidentReport.NoisyAlarm::alarm));
        return noisy.size() > NOISIEST ? List.copyOf(noisy.subList(0, NOISIEST)) : List.copyOf(noisy);
    }

    /**
     * Alarms by the incidents they took part in: opened (by dedup key) or grouped into (a member's name on another
     * alarm's incident, ADR 0040). Everything comes from the incident records the month index gives.
     */
    static List<IncidentReport.LoudAlarm> loudest(List<Incident> incidents) {
        Map<String, List<Incident>> opened = new LinkedHashMap<>();
        Map<String, Integer> groupedByName = new HashMap<>();
        for (Incident incident : incidents) {
            if (incident.dedupKey() == null || incident.alarmName() == null) {
                continue;
            }
            opened.computeIfAbsent(incident.dedupKey(), k -> new ArrayList<>()).add(incident);
            if (incident.group() != null) {
                for (String member : incident.group().memberNames()) {
                    if (!member.equals(incident.alarmName())) {
                        groupedByName.merge(member, 1, Integer::sum);
                    }
                }
            }
        }
        List<IncidentReport.LoudAlarm> loud = new ArrayList<>();
        Map<String, Boolean> named = new HashMap<>();
        opened.forEach((key, members) -> {
            Incident last = members.get(members.size() - 1);
            int fired = 0;
            for (Incident m : members) {
                fired += Math.max(1, m.alarmCount());
            }
            // One alarm name may open incidents under two keys (two accounts): its groupings count once.
            int grouped = named.putIfAbsent(last.alarmName(), true) == null
                    ? groupedByName.getOrDefault(last.alarmName(), 0) : 0;
            loud.add(new IncidentReport.LoudAlarm(last.alarmName(), key, last.service(), members.size(), grouped, fired));
        });
        groupedByName.forEach((name, count) -> {
            if (!named.containsKey(name)) {
                loud.add(new IncidentReport.LoudAlarm(name, null, null, 0, count, 0));
            }
        });
        loud.sort(Comparator.comparingInt(IncidentReport.LoudAlarm::incidents).reversed()
                .thenComparing(Comparator.comparingInt(IncidentReport.LoudAlarm::fired).reversed())
                .thenComparing(IncidentReport.LoudAlarm::alarm));
        return loud.size() > NOISIEST ? List.copyOf(loud.subList(0, NOISIEST)) : List.copyOf(loud);
    }
}
