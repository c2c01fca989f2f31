package org.crdsj.engine.values;

import java.util.List;

/** Python's {@code repr()} of strings and of lists/tuples of strings, as CRDS messages embed them. */
public final class PythonRepr {
    private PythonRepr() {}

    /**
     * Python's {@code repr(s)}: single quotes unless the text contains {@code '} and no
     * {@code "}; backslash, the quote in use, {@code \n \r \t} escaped; other non-printable code
     * points as <code>&#92;xhh</code>, <code>&#92;uhhhh</code> or <code>&#92;Uhhhhhhhh</code> (printability per Java's
     * Unicode tables, which may lag Python's by a Unicode version).
     */
    public static String str(String s) {
        return org.crdsj.grammar.SyntaxPrinter.repr(s);   // one implementation, shared with the rules printer
    }

    /** Python's {@code repr} of a list of strings: {@code ['A', 'B']}, {@code []}. */
    public static String list(List<String> items) {
        return join(items, '[', ']', false);
    }

    /** Python's {@code repr} of a tuple of strings: {@code ()}, {@code ('A',)}, {@code ('A', 'B')}. */
    public static String tuple(List<String> items) {
        return join(items, '(', ')', items.size() == 1);
    }

    private static String join(List<String> items, char open, char close, boolean trailingComma) {
        StringBuilder out = new StringBuilder().append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(str(items.get(i)));
        }
        if (trailingComma) out.append(',');
        return out.append(close).toString();
    }
}
