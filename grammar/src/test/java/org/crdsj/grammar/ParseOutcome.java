package org.crdsj.grammar;

import java.util.function.Supplier;

/** Test helper: what a parse gave, as text to compare (records print every field, positions included), or its error. */
final class ParseOutcome {
    private ParseOutcome() {}

    static String of(Supplier<Object> parse) {
        try {
            return parse.get().toString();
        } catch (RulesSyntaxException e) {
            return "error " + e.getMessage();
        }
    }
}
