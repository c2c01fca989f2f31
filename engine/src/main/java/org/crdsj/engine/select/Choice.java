package org.crdsj.engine.select;

import java.util.List;

/**
 * What a selector entry leads to: a terminal value (a reference file name or a special value such
 * as {@code N/A}), a tuple of values, or a nested selector.
 */
public sealed interface Choice {

    /** A terminal string: a file name, or {@code N/A}/{@code OMIT} and their variants. */
    record Terminal(String value) implements Choice {
        @Override public String toString() { return value; }
    }

    /** A tuple of choices: written in the rules, produced by an equal-weight tie, or a Bracket pair. */
    record Several(List<Choice> items) implements Choice {
        public Several { items = List.copyOf(items); }
    }

    /** A nested selector, e.g. the UseAfter under a Match case. */
    record Nested(Selector selector) implements Choice {}

    /**
     * A failed lookup, returned rather than thrown inside the engine so that the common failures
     * (no match, date before the first UseAfter) cost no stack unwinding.
     */
    record Failed(org.crdsj.engine.bestrefs.LookupFailure failure) implements Choice {}
}
