package dev.firebell.cli.importer;

import dev.firebell.cli.importer.ConfigDraft.LevelDraft;
import dev.firebell.cli.importer.ConfigDraft.TargetDraft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The levels of an escalation policy, added step by step as the source lists them. A step with nothing
 * Firebell can page is left out without moving the others in time: the level before it waits its delay too
 * (when it was the first, the next level pages earlier than the source did, and that is said).
 */
public final class Levels {

    private final ConfigDraft draft;
    private final SourceRef policy;
    private final String anchor;
    private final List<LevelDraft> levels = new ArrayList<>();
    private Duration carried = Duration.ZERO;

    public Levels(ConfigDraft draft, SourceRef policy, String anchor) {
        this.draft = draft;
        this.policy = policy;
        this.anchor = anchor;
    }

    /**
     * @param wait how long the step waits for an acknowledgement before the next one, or null for
     *             Firebell's default (the source does not wait after its last step)
     */
    public void add(SourceRef step, Duration wait, List<TargetDraft> targets) {
        if (targets.isEmpty()) {
            draft.notMapped(step, anchor, "level " + (levels.size() + 1) + " has no target Firebell can page: left out"
                    + (wait == null ? "" : ", and the level before waits its " + DraftYaml.duration(wait) + " too"));
            if (wait != null && levels.isEmpty()) {
                carried = carried.plus(wait);
            } else if (wait != null) {
                LevelDraft last = levels.remove(levels.size() - 1);
                Duration before = last.escalateAfter() == null ? Duration.ZERO : last.escalateAfter();
                levels.add(new LevelDraft(before.plus(wait), last.targets()));
            }
            return;
        }
        if (levels.isEmpty() && !carried.isZero()) {
            draft.approximated(policy, anchor, "its first level(s) were left out: Firebell pages the first level that"
                    + " remains at once, " + DraftYaml.duration(carried) + " earlier");
        }
        levels.add(new LevelDraft(wait, targets));
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /** The levels, each wait within Firebell's 1m..7d (said where it was not). */
    public List<LevelDraft> build() {
        List<LevelDraft> out = new ArrayList<>();
        for (LevelDraft l : levels) {
            out.add(new LevelDraft(l.escalateAfter() == null ? null
                    : Drafts.escalateAfter(draft, l.escalateAfter(), policy, anchor), l.targets()));
        }
        return out;
    }
}
