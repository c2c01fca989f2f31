package org.crdsj.engine.select;

import java.util.Map;
import org.crdsj.engine.rules.PythonKey;
import org.crdsj.grammar.syntax.Value;

/**
 * The parts of an rmap header that shape its selectors: whether equal-weight Match candidates
 * merge ({@code merge_overlaps}) and the effective key {@code substitutions} (CRDS's defaults for
 * {@code SUBARRAY}/{@code META.SUBARRAY.NAME} updated by the header's own table), and whether
 * Matches remember their plans ({@link org.crdsj.engine.rules.LoadOptions#rememberPlans}).
 */
public record SelectorSettings(boolean mergeOverlaps, Map<String, Map<PythonKey, Value>> substitutions,
                               boolean rememberPlans) {
    public SelectorSettings {
        substitutions = Map.copyOf(substitutions);
    }
}
