package org.crdsj.engine.compare;

/**
 * Receives a comparison's log as it happens, in CRDS's order (datasets by id, types sorted).
 * Called from one thread only. Every method has a do-nothing default.
 */
public interface ComparisonListener {
    /** An error to log (already formatted); counted in the report either way. */
    default void error(String message) {}

    /** An informational line (e.g. {@code New best reference: ...}, error suppression notices). */
    default void info(String message) {}

    /** A {@code --print-new-references} line, in CRDS's print order. */
    default void newReference(String line) {}

    /**
     * One dataset's changed best reference (what a {@link #newReference} line shows), with the
     * dataset id and instrument as the comparison read them; in the same order as those lines.
     */
    default void update(String dataset, String instrument, Update update) {}

    /** Datasets done so far out of {@code total} (called now and then). */
    default void progress(long done, long total) {}
}
