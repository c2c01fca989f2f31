package org.crdsj.engine.select;

import java.util.List;
import java.util.Map;

/**
 * One node of an rmap's decision tree. Implementations are immutable and thread-safe: a loaded
 * rmap is shared by every thread that looks things up in it.
 */
public interface Selector {

    /** The selector's name as written in rules files: {@code Match}, {@code UseAfter}, ... */
    String kind();

    /** The header keywords this selector reads (one level of the rmap's {@code parkey}). */
    List<String> parameters();

    /** The entries in CRDS's order (sorted by conditioned key). */
    List<Selection> selections();

    /**
     * Chooses for {@code header} (keyword to value; the whole lookup header, nested selectors read
     * their own parameters from it). Returns a terminal or several values, never a nested selector.
     *
     * @throws org.crdsj.engine.bestrefs.LookupFailure as CRDS would raise
     */
    default Choice choose(Map<String, String> header) {
        Choice c = select(header);
        if (c instanceof Choice.Failed f) throw f.failure();
        return c;
    }

    /** As {@link #choose}, but a failure is returned as {@link Choice.Failed} instead of thrown. */
    Choice select(Map<String, String> header);

    /**
     * As {@link #select}, also saying which entries the lookup went through at each level (see
     * {@link SelectionPath}); its {@code choice()} equals {@link #select}'s answer. Slower than
     * {@code select}: meant for explaining the lookups of a few datasets.
     */
    SelectionPath trace(Map<String, String> header);

    /**
     * Combines this selector with an equal-weight rival (CRDS merges tied Match candidates).
     * Only the UseAfter family supports it.
     */
    default Selector merge(Choice other) {
        throw org.crdsj.engine.bestrefs.LookupFailure.ambiguous(
                "More than one match was found at the same weight and " + kind() + " does not support merging.");
    }

    /** Resolves a chosen entry: a nested selector chooses further, anything else is the answer. */
    static Choice resolve(Choice choice, Map<String, String> header) {
        return choice instanceof Choice.Nested n ? n.selector().select(header) : choice;
    }
}
