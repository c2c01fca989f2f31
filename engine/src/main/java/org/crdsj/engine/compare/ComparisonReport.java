package org.crdsj.engine.compare;

import java.util.List;
import java.util.Map;

/**
 * The result of a comparison: affected product ids (sorted, unique, lower-case), counts, and a
 * summary per instrument and type. {@code processed} counts the datasets CRDS would count
 * (datasets dropped by the date filter or outside the affected instruments are not).
 */
public record ComparisonReport(String oldContext, String newContext, long processed, long updatedDatasets,
                               List<String> affectedProducts, long errors, long warnings,
                               Map<String, Map<String, TypeSummary>> summary, long elapsedNanos) {

    /** Per instrument and type: datasets evaluated, their updates and the old → new transitions. */
    public record TypeSummary(long compared, long updates, long killedUpdates, long errors,
                              Map<String, Long> transitions) {}
}
