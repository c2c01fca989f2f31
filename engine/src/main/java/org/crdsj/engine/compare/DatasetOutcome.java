package org.crdsj.engine.compare;

import java.util.List;

/**
 * What comparing one dataset produced, in CRDS's order: tracked errors, updates, whether a failed
 * new lookup put it on the kill list, and {@code failure}: an untracked error that ended its
 * processing early (then the updates and kill list are discarded, as CRDS loses them).
 * {@code skipped} means the dataset was never processed (e.g. no instrument) and is not counted.
 */
public record DatasetOutcome(String instrument, List<TrackedError> errors, List<Update> updates, boolean killed,
                             String failure, boolean skipped) {

    public DatasetOutcome {
        errors = List.copyOf(errors);
        updates = List.copyOf(updates);
    }

    /** Affected: at least one update and nothing on the kill list. */
    public boolean affected() {
        return failure == null && !skipped && !killed && !updates.isEmpty();
    }

    static DatasetOutcome failed(String instrument, List<TrackedError> errors, String failure, boolean skipped) {
        return new DatasetOutcome(instrument, errors, List.of(), false, failure, skipped);
    }
}
