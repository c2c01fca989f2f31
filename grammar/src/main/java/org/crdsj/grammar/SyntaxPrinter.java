package org.crdsj.grammar;

import java.util.List;
import java.util.Locale;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.Value;

/**
 * Prints {@link Value}s back as Python literal text that {@link MappingParser} reads back to the
 * same value. Strings are printed as Python's {@code repr()} prints them. Stateless, thread-safe.
 */
public final class SyntaxPrinter {
    private SyntaxPrinter() {}

    /** The Python literal text of {@code value}; floats are printed as their written text. */
    public static String print(Value value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    /** A whole mapping file: header, optional comment, then selector, each on its own line. */
    public static String print(MappingSyntax mapping) {
        StringBuilder sb = new StringBuilder("header = ");
        append(sb, mapping.header());
        if (mapping.comment() != null) sb.append("\n\ncomment = ").append(repr(mapping.comment()));
        sb.append("\n\nselector = ");
        append(sb, mapping.selector());
        return sb.append('\n').toString();
    }

    /**
     * Python's {@code repr()} of a str: single quotes unless the text contains {@code '} and no
     * {@code "}; backslash, the quote, {@code \n \r \t} escaped; other non-printable characters
     * as {@code \xhh}, {@code \\uhhhh} or {@code \Uhhhhhhhh}.
     */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') sb.append('\\').appendCodePoint(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.append(String.format(Locale.ROOT, "\\x%02x", c));
            else if (c < 0x7f || isPrintable(c)) sb.appendCodePoint(c);
            else if (c <= 0xff) sb.append(String.format(Locale.ROOT, "\\x%02x", c));
            else if (c <= 0xffff) sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            else sb.append(String.format(Locale.ROOT, "\\U%08x", c));
        }
        return sb.append(quote).toString();
    }

    /** Python's str.isprintable() for one non-ASCII code point: not "Other" nor a separator. */
    private static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static void append(StringBuilder sb, Value v) {
        appendValue(sb, v, Value.Flt::text, Value.Dict::entries);
    }

    /**
     * Python-literal text of a value with two choices left to the caller: how a float is written
     * (its source text, or Python's repr of the number) and the order of a dict's items (source
     * order, or the order Python keeps). Strings are {@link #repr}; a selector call prints as
     * {@code Name(selections)}. The one writer of value literals (source and loaded forms).
     */
    public static void appendValue(StringBuilder sb, Value v, java.util.function.Function<Value.Flt, String> floats,
                                   java.util.function.Function<Value.Dict, List<Value.Entry>> dictItems) {
        if (v instanceof Value.Str s) sb.append(repr(s.value()));
        else if (v instanceof Value.Int i) sb.append(i.value());
        else if (v instanceof Value.Flt f) sb.append(floats.apply(f));
        else if (v instanceof Value.Bool b) sb.append(b.value() ? "True" : "False");
        else if (v instanceof Value.None) sb.append("None");
        else if (v instanceof Value.Tuple t) {
            sb.append('(');
            items(sb, t.items(), floats, dictItems);
            if (t.items().size() == 1) sb.append(',');
            sb.append(')');
        } else if (v instanceof Value.ListVal l) {
            sb.append('[');
            items(sb, l.items(), floats, dictItems);
            sb.append(']');
        } else if (v instanceof Value.Dict d) {
            sb.append('{');
            String sep = "";
            for (Value.Entry e : dictItems.apply(d)) {
                sb.append(sep);
                appendValue(sb, e.key(), floats, dictItems);
                sb.append(": ");
                appendValue(sb, e.value(), floats, dictItems);
                sep = ", ";
            }
            sb.append('}');
        } else {
            Value.Call c = (Value.Call) v;
            sb.append(c.selector()).append('(');
            appendValue(sb, c.selections(), floats, dictItems);
            sb.append(')');
        }
    }

    private static void items(StringBuilder sb, List<Value> items, java.util.function.Function<Value.Flt, String> floats,
                              java.util.function.Function<Value.Dict, List<Value.Entry>> dictItems) {
        String sep = "";
        for (Value item : items) {
            sb.append(sep);
            appendValue(sb, item, floats, dictItems);
            sep = ", ";
        }
    }
}
