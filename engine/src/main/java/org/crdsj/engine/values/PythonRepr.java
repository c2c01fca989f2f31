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

    /**
     * Python's {@code repr} of a rules value: as {@link org.crdsj.grammar.SyntaxPrinter} prints it,
     * except that a float is printed the way Python prints it ({@code 1.50} as {@code 1.5}).
     */
    public static String value(org.crdsj.grammar.syntax.Value v) {
        return org.crdsj.grammar.SyntaxPrinter.print(pythonFloats(v));
    }

    /**
     * Python's {@code str} of a rules value: a string is its own text, anything else its
     * {@link #value repr}.
     */
    public static String strOf(org.crdsj.grammar.syntax.Value v) {
        return v instanceof org.crdsj.grammar.syntax.Value.Str s ? s.value() : value(v);
    }

    /** The same value with every float's text replaced by Python's repr of the number. */
    private static org.crdsj.grammar.syntax.Value pythonFloats(org.crdsj.grammar.syntax.Value v) {
        if (v instanceof org.crdsj.grammar.syntax.Value.Flt f) {
            return new org.crdsj.grammar.syntax.Value.Flt(f.value(), PythonFloat.repr(f.value()), f.pos());
        }
        if (v instanceof org.crdsj.grammar.syntax.Value.Tuple t) {
            return new org.crdsj.grammar.syntax.Value.Tuple(t.items().stream().map(PythonRepr::pythonFloats).toList(), t.pos());
        }
        if (v instanceof org.crdsj.grammar.syntax.Value.ListVal l) {
            return new org.crdsj.grammar.syntax.Value.ListVal(l.items().stream().map(PythonRepr::pythonFloats).toList(), l.pos());
        }
        if (v instanceof org.crdsj.grammar.syntax.Value.Dict d) {
            return new org.crdsj.grammar.syntax.Value.Dict(d.entries().stream()
                    .map(e -> new org.crdsj.grammar.syntax.Value.Entry(pythonFloats(e.key()), pythonFloats(e.value()))).toList(), d.pos());
        }
        return v;
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
