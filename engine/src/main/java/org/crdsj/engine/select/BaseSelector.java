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
    // Set once by the builder before the selector is shared (published with the mapping that holds it).
    private org.crdsj.engine.values.KeywordSpace space;
    private int[] slots;                  // per parameter, in space

    BaseSelector(List<String> parameters, List<Selection> sortedSelections) {
        // Interned: selectors reading the same keywords then compare their lists by identity.
        String[] names = parameters.toArray(String[]::new);
        for (int i = 0; i < names.length; i++) names[i] = names[i].intern();
        this.parameters = List.of(names);
        this.selections = List.copyOf(sortedSelections);
    }

    /**
     * A selector reading the same parameters as {@code like} (its interned names and keyword
     * numbers shared, not worked out again), with {@code selections}, an immutable list (not copied).
     */
    BaseSelector(BaseSelector like, List<Selection> selections) {
        this.parameters = like.parameters;
        this.selections = selections;
        this.space = like.space;
        this.slots = like.slots;
    }

    @Override public final List<String> parameters() { return parameters; }

    /** Numbers this selector's parameters in {@code keywords}, so it reads {@link org.crdsj.engine.values.SlottedHeader}s directly. */
    final void bind(org.crdsj.engine.values.KeywordSpace keywords) {
        if (keywords == null) return;
        int[] s = new int[parameters.size()];
        for (int i = 0; i < s.length; i++) s[i] = keywords.add(parameters.get(i));
        this.slots = s;
        this.space = keywords;
    }

    /** Binds {@code other} (a selector made from this one, e.g. by merging) to the same keywords. */
    final <T extends BaseSelector> T boundLike(T other) {
        if (space != null) other.bind(space);
        return other;
    }

    /** The value of parameter {@code i} in {@code header} (null when absent). */
    protected final String parameterValue(Map<String, String> header, int i) {
        int[] s = slots;
        if (s != null && header instanceof org.crdsj.engine.values.SlottedHeader h && h.space() == space) {
            return h.value(s[i]);
        }
        return header.get(parameters.get(i));
    }
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

    @Override
    public final SelectionPath trace(Map<String, String> header) {
        try {
            return traced(header);
        } catch (LookupFailure f) {
            return SelectionPath.of(new Choice.Failed(f));
        }
    }

    /** The kind-specific traced lookup, making the same choice as {@link #lookup}; may throw a failure. */
    abstract SelectionPath traced(Map<String, String> header);
}
