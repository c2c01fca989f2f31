package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.LookupFailure;

/**
 * What every selector kind shares: its parameters, its entries in CRDS's order, and turning a
 * failure raised while choosing into a {@link Choice.Failed} value.
 */
abstract class BaseSelector implements Selector {
    protected final List<String> parameters;
    protected final List<Selection> selections;

    BaseSelector(List<String> parameters, List<Selection> sortedSelections) {
        this.parameters = List.copyOf(parameters);
        this.selections = List.copyOf(sortedSelections);
    }

    @Override public final List<String> parameters() { return parameters; }
    @Override public final List<Selection> selections() { return selections; }

    @Override
    public final Choice select(Map<String, String> header) {
        try {
            return lookup(header);
        } catch (LookupFailure f) {
            return new Choice.Failed(f);
        }
    }

    /** The kind-specific lookup; may throw a failure or return one. */
    protected abstract Choice lookup(Map<String, String> header);
}
