package dev.firebell.cli.importer;

import dev.firebell.cli.importer.ConfigDraft.OverrideDraft;
import dev.firebell.oncall.OnCallService;
import dev.firebell.oncall.Roster;
import dev.firebell.oncall.ShiftOverride;
import dev.firebell.schedule.Shift;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source's overrides as Firebell overrides: stored, not configured, so the output lists them as
 * {@code ./firebell oncall override} commands to run after {@code config apply}, and the comparison counts
 * them as Firebell will. Overrides that ended before the reference instant are left out; one longer than
 * Firebell's longest (31 days) becomes consecutive ones; a "replace" override covers only the stretches
 * where the replaced person would be on call.
 */
public final class OverridePlan {

    /** One override to store, in Firebell's terms. */
    public record Planned(String source, String person, Instant start, Instant end, SourceRef ref) {

        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    private OverridePlan() {
    }

    /**
     * @param base the roster of the imported configuration without any override (who a replace override
     *             replaces is read from it)
     */
    public static List<Planned> plan(ConfigDraft draft, Roster base) {
        Instant reference = draft.reference();
        List<Planned> out = new ArrayList<>();
        for (OverrideDraft o : draft.overrides()) {
            if (reference != null && !o.end().isAfter(reference)) {
                draft.leftOut(o.ref(), "overrides", "ended at " + o.end() + ", before " + reference
                        + ": nothing to store");
                continue;
            }
            List<Instant[]> stretches = new ArrayList<>();
            if (o.replacing() == null) {
                stretches.add(new Instant[] {o.start(), o.end()});
            } else {
                for (Shift s : base.shifts(o.source(), o.start(), o.end())) {
                    if (o.replacing().equals(s.person())) {
                        stretches.add(new Instant[] {s.start(), s.end()});
                    }
                }
                if (stretches.isEmpty()) {
                    draft.leftOut(o.ref(), "overrides", o.replacing() + " is not on call in " + o.source()
                            + " between " + o.start() + " and " + o.end() + ": nobody to replace");
                }
            }
            for (Instant[] stretch : stretches) {
                Instant at = stretch[0];
                while (at.isBefore(stretch[1])) {
                    Instant end = at.plus(OnCallService.MAX_OVERRIDE);
                    end = end.isAfter(stretch[1]) ? stretch[1] : end;
                    out.add(new Planned(o.source(), o.person(), at, end, o.ref()));
                    at = end;
                }
            }
        }
        return out;
    }

    /** The planned overrides as the domain's, by source; listed later counts as created later (it wins). */
    public static Map<String, List<ShiftOverride>> asDomain(List<Planned> planned) {
        Map<String, List<ShiftOverride>> out = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            out.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(new ShiftOverride("import-" + i, p.source(),
                    p.person(), p.start(), p.end(), "import", Instant.EPOCH.plusSeconds(i), p.ref().toString()));
        }
        return out;
    }
}
