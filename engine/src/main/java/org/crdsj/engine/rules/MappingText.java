package org.crdsj.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.grammar.SyntaxPrinter;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * Writes a mapping back as text in CRDS's canonical layout, byte for byte what CRDS writes when
 * it rewrites a mapping ({@code crds checksum}, {@code crds newcontext}, {@code crds refactor}):
 *
 * <ul>
 *   <li>{@code header = {...}}: one {@code 'key' : value,} line per field, keys sorted by code
 *       point, indented by four spaces; a dict value is written as a nested block one level
 *       deeper, any other value as Python's {@code repr};</li>
 *   <li>{@code comment = """..."""} when the mapping has a non-empty comment string;</li>
 *   <li>{@code selector = ...}: a context's dict written like the header; an rmap's selector
 *       call as {@code Match({ ... })} with one {@code key : choice,} line per selection, sorted
 *       by the text of the key's fields, nested selectors indented one level per depth.</li>
 * </ul>
 *
 * <p>Dict displays are read as Python reads them before printing: a repeated key keeps its first
 * written key and its last value. {@code #} comments are not part of the syntax tree, so they are
 * dropped, as CRDS drops them. Stateless and thread-safe.
 */
public final class MappingText {
    private static final String INDENT = "    ";

    private MappingText() {}

    /**
     * The canonical text of {@code mapping}, with its header exactly as it is (sha1sum included).
     * The comment is written raw between triple quotes, as CRDS writes it (a comment containing
     * {@code """} or a backslash does not read back the same, in CRDS either).
     */
    public static String format(MappingSyntax mapping) {
        StringBuilder sb = new StringBuilder("header = ");
        dictBlock(sb, mapping.header(), 0);
        if (mapping.comment() != null && !mapping.comment().isEmpty()) {
            sb.append("\n\ncomment = \"\"\"").append(mapping.comment()).append("\"\"\"");
        }
        sb.append("\n\nselector = ");
        Value selector = mapping.selector();
        if (selector instanceof Value.Call call) selectorBlock(sb, call, 0);
        else if (selector instanceof Value.Dict dict) dictBlock(sb, dict, 0);
        else sb.append(repr(selector));
        return sb.append('\n').toString();
    }

    /**
     * The text CRDS writes when it saves {@code mapping}: the canonical text with the header's
     * {@code sha1sum} set to the checksum of that text (see {@link Checksums}).
     */
    public static String withChecksum(MappingSyntax mapping) {
        return format(checksummed(mapping));
    }

    /** {@code mapping} with its header {@code sha1sum} set to the checksum of its canonical text. */
    public static MappingSyntax checksummed(MappingSyntax mapping) {
        String sha1 = Checksums.compute(format(mapping));
        return withHeaderField(mapping, "sha1sum", new Value.Str(sha1, SourcePos.UNKNOWN));
    }

    /**
     * {@code mapping} with header field {@code key} set to {@code value}: replaces the value of an
     * existing field (every written occurrence, so the last one wins as before), else adds it.
     */
    public static MappingSyntax withHeaderField(MappingSyntax mapping, String key, Value value) {
        return new MappingSyntax(mapping.file(), withEntry(mapping.header(), key, value), mapping.selector(),
                mapping.comment());
    }

    /** {@code dict} with string key {@code key} set to {@code value} (replaced in place, else appended). */
    public static Value.Dict withEntry(Value.Dict dict, String key, Value value) {
        List<Value.Entry> entries = new ArrayList<>(dict.entries().size() + 1);
        boolean found = false;
        for (Value.Entry e : dict.entries()) {
            if (e.key() instanceof Value.Str s && s.value().equals(key)) {
                entries.add(new Value.Entry(e.key(), value));
                found = true;
            } else {
                entries.add(e);
            }
        }
        if (!found) entries.add(new Value.Entry(new Value.Str(key, SourcePos.UNKNOWN), value));
        return new Value.Dict(entries, dict.pos());
    }

    // ------------------------------------------------------------------ layout

    /** A dict as a block: sorted entries, one per line, nested dicts as deeper blocks. */
    private static void dictBlock(StringBuilder sb, Value.Dict dict, int indent) {
        List<Value.Entry> entries = PythonKey.dictItems(dict);
        entries.sort(Comparator.comparing(Value.Entry::key, MappingText::compareKeys));
        sb.append("{\n");
        for (Value.Entry e : entries) {
            indent(sb, indent + 1).append(repr(e.key())).append(" : ");
            if (e.value() instanceof Value.Dict nested) dictBlock(sb, nested, indent + 1);
            else sb.append(repr(e.value()));
            sb.append(",\n");
        }
        indent(sb, indent).append('}');
    }

    /** A selector call: {@code Name({}, one selection per line sorted by key text, {@code })}. */
    private static void selectorBlock(StringBuilder sb, Value.Call call, int indent) {
        List<Value.Entry> selections = PythonKey.dictItems(call.selections());
        selections.sort(Comparator.comparing(e -> keyText(e.key()), CodePointOrder.TUPLES));
        sb.append(call.selector()).append("({\n");
        for (Value.Entry e : selections) {
            indent(sb, indent + 1).append(repr(e.key())).append(" : ");
            if (e.value() instanceof Value.Call nested) selectorBlock(sb, nested, indent + 1);
            else sb.append(repr(e.value()));
            sb.append(",\n");
        }
        indent(sb, indent).append("})");
    }

    private static StringBuilder indent(StringBuilder sb, int level) {
        for (int i = 0; i < level; i++) sb.append(INDENT);
        return sb;
    }

    /** CRDS orders selections by the {@code str()} of each field of the key (a bare key is one field). */
    private static List<String> keyText(Value key) {
        List<String> fields = new ArrayList<>();
        if (key instanceof Value.Tuple t) for (Value item : t.items()) fields.add(str(item));
        else fields.add(str(key));
        return fields;
    }

    /** Python's ordering of dict keys as {@code sorted()} sees them: numbers by value, else text. */
    private static int compareKeys(Value a, Value b) {
        BigDecimal na = number(a), nb = number(b);
        if (na != null && nb != null) return na.compareTo(nb);
        if (a instanceof Value.Str sa && b instanceof Value.Str sb) return CodePointOrder.compare(sa.value(), sb.value());
        return CodePointOrder.compare(repr(a), repr(b));
    }

    private static BigDecimal number(Value v) {
        if (v instanceof Value.Int i) return new BigDecimal(i.value());
        if (v instanceof Value.Bool b) return b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        if (v instanceof Value.Flt f && Double.isFinite(f.value())) return new BigDecimal(f.value());
        return null;
    }

    // ------------------------------------------------------------------ Python text of values

    /** Python's {@code str()} of a value: a string is itself, anything else its {@code repr}. */
    public static String str(Value v) {
        return v instanceof Value.Str s ? s.value() : repr(v);
    }

    /**
     * Python's {@code repr()} of the object a rules value evaluates to: strings quoted as Python
     * quotes them, floats in Python's shortest form ({@code 1e3} prints as {@code 1000.0}), tuples,
     * lists and dicts (Python dict semantics, {@code {'k': 'v'}}) element by element.
     */
    public static String repr(Value v) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, v);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Value v) {
        // A selector object nested somewhere unusual would print as its object repr in CRDS; the
        // source form is the closest faithful text.
        SyntaxPrinter.appendValue(sb, v, f -> PythonFloat.repr(f.value()), PythonKey::dictItems);
    }
}
