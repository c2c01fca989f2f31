package org.crdsj.engine.diff;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.compare.AffectedTypes;

/**
 * What a reprocessing run learns from the logical rules diff of its two contexts: CRDS's
 * {@code get_affected()} and the {@code --datasets-since=auto} test (header changes or deletions,
 * with the boring header fields left out). Stateless; one instance serves every comparison.
 */
public final class DiffAffectedTypes implements AffectedTypes {

    @Override
    public Map<String, List<String>> affected(Context oldContext, Context newContext) {
        return RulesDiff.affectedTypes(oldContext.mapping(), newContext.mapping());
    }

    @Override
    public boolean headerChangesOrDeletions(Context oldContext, Context newContext) {
        List<Difference> diffs = RulesDiff.removeBoring(RulesDiff.differences(oldContext.mapping(), newContext.mapping(),
                new DiffOptions(true, false)));
        return RulesDiff.headerModified(diffs) || RulesDiff.filesDeleted(diffs);
    }
}
