package org.crdsj.engine.compare;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;

/**
 * What the logical rules diff tells a reprocessing run ({@code crds bestrefs --affected-datasets}):
 * CRDS's {@code MappingDifferencer.get_affected()} and whether {@code --datasets-since=auto} must
 * look at every date. Implemented by the rules diff ({@code org.crdsj.engine.diff}); tests may
 * give fixed answers.
 */
public interface AffectedTypes {

    /**
     * The types with rmap-level differences from {@code oldContext} to {@code newContext}, plus every
     * type of an added or deleted rmap: lower-case instrument to lower-case types. An imap value
     * that changes between a file and {@code N/A}/{@code OMIT} is not reported.
     */
    Map<String, List<String>> affected(Context oldContext, Context newContext);

    /**
     * True when the diff (header differences included, the boring ones naming {@code name},
     * {@code derived_from}, {@code sha1sum} or {@code row_keys} removed) has a header change or a
     * deletion: CRDS then uses {@code 1900-01-01 00:00:00} as every instrument's cut-off.
     */
    boolean headerChangesOrDeletions(Context oldContext, Context newContext);
}
