package org.crdsj.engine.diff;

/**
 * What a logical difference includes.
 *
 * @param includeHeaderDiffs   also compare the mapping headers (CRDS {@code --include-header-diffs})
 * @param recurseAddedDeleted  list every terminal of a mapping added or deleted as a whole
 *                             (CRDS {@code --recurse-added-deleted})
 */
public record DiffOptions(boolean includeHeaderDiffs, boolean recurseAddedDeleted) {
    /** Rules only, no headers, added/deleted mappings reported once: CRDS's default. */
    public static final DiffOptions DEFAULT = new DiffOptions(false, false);

    /** Rules and headers. */
    public static final DiffOptions WITH_HEADERS = new DiffOptions(true, false);
}
