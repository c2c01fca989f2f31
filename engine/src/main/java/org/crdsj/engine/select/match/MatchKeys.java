package org.crdsj.engine.select.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.PythonStrings;
import org.crdsj.grammar.syntax.Value;

/**
 * Helpers CRDS applies to Match key text: or-glob splitting, the "esoteric key" test (spec 4.1.1)
 * and the conditioning of a key element.
 */
public final class MatchKeys {
    private MatchKeys() {}

    /**
     * CRDS {@code glob_list}: a non-esoteric key containing {@code |} becomes its stripped,
     * non-empty parts sorted ascending by code point (Python string order); any other key is
     * returned alone, untouched.
     */
    public static List<String> globList(String key) {
        if (isEsoteric(key) || key.indexOf('|') < 0) return List.of(key);
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int bar = key.indexOf('|', start);
            String part = PythonStrings.strip(bar < 0 ? key.substring(start) : key.substring(start, bar));
            if (!part.isEmpty()) parts.add(part);
            if (bar < 0) break;
            start = bar + 1;
        }
        parts.sort(MatchKeys::comparePython);
        return Collections.unmodifiableList(parts);
    }

    /** CRDS {@code glob_compress}: {@link #globList(String)} joined with {@code |}. */
    public static String globCompress(String key) {
        return String.join("|", globList(key));
    }

    /**
     * CRDS {@code esoteric_key}: upper-cased, the key starts with one of {@code { ( #} and ends
     * with one of {@code } ) #} (in any combination), or starts with {@code BETWEEN} or
     * {@code NOT}. Such keys are never split on {@code |} nor validated against value lists.
     */
    public static boolean isEsoteric(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        if (k.startsWith("BETWEEN") || k.startsWith("NOT")) return true;
        if (k.isEmpty()) return false;
        char first = k.charAt(0);
        char last = k.charAt(k.length() - 1);
        return (first == '{' || first == '(' || first == '#') && (last == '}' || last == ')' || last == '#');
    }

    /** Python string order: by code point (differs from String.compareTo only beyond the BMP). */
    static int comparePython(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** CRDS's conditioning of a whole Match key: a plain value is a 1-tuple; each element as {@link #conditionElement}. */
    public static List<String> conditionKey(Value key) {
        List<String> out = new ArrayList<>();
        if (key instanceof Value.Tuple t) {
            for (Value v : t.items()) out.add(conditionElement(v));
        } else {
            out.add(conditionElement(key));
        }
        return out;
    }

    /**
     * CRDS's conditioning of a Match key element: a {@code {...}} or {@code (...)} string is kept as
     * written; an or-glob string has each part conditioned; a tuple or list becomes its
     * conditioned members joined with {@code |}; anything else is conditioned as a value.
     */
    public static String conditionElement(Value v) {
        if (v instanceof Value.Str s) {
            String e = s.value();
            if ((e.startsWith("{") && e.endsWith("}")) || (e.startsWith("(") && e.endsWith(")"))) return e;
            if (e.indexOf('|') >= 0) {
                List<String> parts = new ArrayList<>();
                for (String p : globList(e)) parts.add(Conditioning.conditionValue(p));
                return String.join("|", parts);
            }
            return Conditioning.conditionValue(globCompress(e));
        }
        if (v instanceof Value.Tuple || v instanceof Value.ListVal) {
            List<Value> items = v instanceof Value.Tuple t ? t.items() : ((Value.ListVal) v).items();
            List<String> parts = new ArrayList<>();
            for (Value item : items) parts.add(Conditioning.conditionValue(item));
            return String.join("|", parts);
        }
        return Conditioning.conditionValue(v);
    }
}
