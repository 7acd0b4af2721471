package dev.firebell.cli.importer;

import java.util.List;

/**
 * What was found once the imported configuration was bound: the shift comparisons (one per source schedule
 * that came with shifts) and the overrides to store.
 */
public record ImportReview(List<ShiftComparison.Result> comparisons, List<OverridePlan.Planned> overrides) {

    public ImportReview {
        comparisons = List.copyOf(comparisons);
        overrides = List.copyOf(overrides);
    }
}
