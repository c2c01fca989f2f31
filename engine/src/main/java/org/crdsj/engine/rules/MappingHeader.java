package org.crdsj.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * A mapping's {@code header} dict as CRDS reads it: a string value is seen lower-cased unless it
 * is wrapped in parentheses (so {@code 'ACS'} reads as {@code acs}, {@code 'ALWAYS'} as
 * {@code always}, but {@code '(DETECTOR == "WFC")'} keeps its case). Tuples and dicts are returned
 * as written. A repeated field keeps its last value.
 */
public final class MappingHeader {
    private final String file;
    private final SourcePos pos;
    private final Map<String, Value> fields;

    public MappingHeader(String file, Value.Dict dict) {
        this.file = file;
        this.pos = dict.pos();
        this.fields = Collections.unmodifiableMap(PythonKey.stringKeyed(dict));
    }

    /** The fields as written (no folding), in file order. */
    public Map<String, Value> fields() { return fields; }

    public boolean has(String key) { return fields.containsKey(key); }

    public Optional<Value> raw(String key) { return Optional.ofNullable(fields.get(key)); }

    /** A string field as CRDS sees it (folded), or empty when absent or not a string. */
    public Optional<String> string(String key) {
        Value v = fields.get(key);
        return v instanceof Value.Str s ? Optional.of(fold(s.value())) : Optional.empty();
    }

    /** A string field as CRDS sees it, or {@code dflt} (not folded) when absent. */
    public String string(String key, String dflt) {
        return string(key).orElse(dflt);
    }

    /** A field that must be present. */
    public Value require(String key) {
        Value v = fields.get(key);
        if (v == null) {
            throw new RulesException(RulesException.Kind.MISSING_HEADER_KEY, pos,
                    "Required header key '" + key + "' is missing.");
        }
        return v;
    }

    /** A required field read as a (folded) string. */
    public String requireString(String key) {
        Value v = require(key);
        if (v instanceof Value.Str s) return fold(s.value());
        throw new RulesException(RulesException.Kind.STRUCTURE, v.pos(), "header field '" + key + "' must be a string");
    }

    /** The strings of a tuple field such as {@code extra_keys}; a single string counts as one element. */
    public List<String> stringList(String key) {
        Value v = fields.get(key);
        if (v == null) return List.of();
        List<String> out = new ArrayList<>();
        if (v instanceof Value.Str s) { out.add(fold(s.value())); return out; }
        List<Value> items = v instanceof Value.Tuple t ? t.items()
                : v instanceof Value.ListVal l ? l.items() : null;
        if (items == null) throw new RulesException(RulesException.Kind.STRUCTURE, v.pos(), "header field '" + key + "' must be a tuple");
        for (Value item : items) {
            if (!(item instanceof Value.Str s)) {
                throw new RulesException(RulesException.Kind.STRUCTURE, item.pos(), "header field '" + key + "' must hold strings");
            }
            out.add(s.value());
        }
        return out;
    }

    public String file() { return file; }

    public SourcePos pos() { return pos; }

    /** CRDS's header folding: lower-case unless the text is wrapped in parentheses. */
    public static String fold(String s) {
        return s.startsWith("(") && s.endsWith(")") ? s : s.toLowerCase(Locale.ROOT);
    }
}
