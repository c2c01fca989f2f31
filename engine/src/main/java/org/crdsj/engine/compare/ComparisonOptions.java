package org.crdsj.engine.compare;

import java.util.List;
import java.util.Map;

/**
 * How a context-to-context comparison judges differences, as {@code crds bestrefs}'s switches
 * do. {@code affectedTypes} non-null means {@code --affected-datasets} ({@code --diffs-only}): only
 * those instruments' datasets and those types are evaluated. {@code datasetsSince} null means no
 * date filter. {@code threads} is how many workers evaluate (the order of results never depends
 * on it).
 */
public record ComparisonOptions(boolean undefinedDifferencesMatter, boolean naDifferencesMatter,
                                boolean differencesAreErrors, boolean logNewReferences,
                                Map<String, List<String>> affectedTypes, DatasetsSince datasetsSince,
                                int threads, int maxErrorsPerClass) {

    public ComparisonOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        if (affectedTypes != null) {
            Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
            affectedTypes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            affectedTypes = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** CRDS's plain comparison ({@code --old-context A --new-context B}) on all cores. */
    public static ComparisonOptions defaults() {
        return new ComparisonOptions(false, false, false, false, null, null,
                Runtime.getRuntime().availableProcessors(), 500);
    }

    public ComparisonOptions withThreads(int n) {
        return new ComparisonOptions(undefinedDifferencesMatter, naDifferencesMatter, differencesAreErrors,
                logNewReferences, affectedTypes, datasetsSince, n, maxErrorsPerClass);
    }
}
