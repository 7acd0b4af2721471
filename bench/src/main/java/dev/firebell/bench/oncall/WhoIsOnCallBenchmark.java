package dev.firebell.bench.oncall;

import dev.firebell.escalation.EscalationPlanner;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.OverrideStore;
import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.paging.PagePlan;
import dev.firebell.routing.Severity;
import dev.firebell.schedule.Shift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * "Who is on call now" over a realistic configuration (50 rotations, 500 people, 10 layered schedules, a year
 * of overrides), at random instants of the year:
 * <ul>
 *   <li>{@code rotation}, {@code schedule}: the lookup itself, roster already built (what a warm function does);</li>
 *   <li>{@code shiftAndNext}: who, since and until when, and who is next (what the timeline and chat print);</li>
 *   <li>{@code firstPagesOfService}: the whole paging decision for a new incident (policy, on-call lookup with
 *       the source's overrides flattened, quiet hours, maintenance), overrides served from memory where
 *       production reads them with one DynamoDB Query per source.</li>
 * </ul>
 * Run: {@code java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main WhoIsOnCall}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WhoIsOnCallBenchmark {

    private static final int SAMPLES = 4096;

    private RealisticOnCall org;
    private Roster roster;
    private EscalationPlanner planner;
    private final Instant[] instants = new Instant[SAMPLES];
    private final String[] rotations = new String[SAMPLES];
    private final String[] schedules = new String[SAMPLES];
    private final String[] services = new String[SAMPLES];
    private int next;

    @Setup(Level.Trial)
    public void build() {
        org = new RealisticOnCall(42);
        roster = new Roster(org.config.onCall(), org.overrides);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < SAMPLES; i++) {
            instants[i] = RealisticOnCall.YEAR_START.plusSeconds(random.nextLong(365L * 86_400));
            rotations[i] = org.rotations.get(random.nextInt(org.rotations.size()));
            schedules[i] = org.schedules.get(random.nextInt(org.schedules.size()));
            services[i] = org.services.get(random.nextInt(org.services.size()));
        }
        OverrideStore inMemory = new OverrideStore() {
            @Override
            public Map<String, List<ShiftOverride>> notEndedBy(Collection<String> sources, Instant from) {
                Map<String, List<ShiftOverride>> out = new java.util.HashMap<>();
                for (String s : sources) {
                    List<ShiftOverride> live = new ArrayList<>();
                    for (ShiftOverride o : org.overrides.getOrDefault(s, List.of())) {
                        if (o.end().isAfter(from)) {
                            live.add(o);
                        }
                    }
                    out.put(s, live);
                }
                return out;
            }

            @Override
            public void put(ShiftOverride override) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean remove(String source, String id) {
                return false;
            }
        };
        planner = new EscalationPlanner(() -> org.config, new OnCallService(() -> org.config, inMemory, Instant::now),
                dev.firebell.maintenance.MaintenanceCalendar.configuredOnly(() -> org.config));
        if (org.overrideCount < 5000 || org.config.onCall().people().size() != 500) {
            throw new IllegalStateException("the configuration is not the one described");
        }
    }

    private int index() {
        next = (next + 1) & (SAMPLES - 1);
        return next;
    }

    @Benchmark
    public String rotation() {
        int i = index();
        return roster.onCallAt(rotations[i], instants[i]);
    }

    @Benchmark
    public String schedule() {
        int i = index();
        return roster.onCallAt(schedules[i], instants[i]);
    }

    @Benchmark
    public Shift shiftAndNext() {
        int i = index();
        roster.shiftAt(schedules[i], instants[i]);
        return roster.nextShift(schedules[i], instants[i]);
    }

    @Benchmark
    public PagePlan firstPagesOfService() {
        int i = index();
        Incident incident = Incident.builder().id("1").title("t").service(services[i]).severity(Severity.SEV2)
                .status(IncidentStatus.TRIGGERED).openedAt(instants[i]).build();
        return planner.firstPages(incident, org.config.service(services[i]), instants[i]);
    }
}
