package org.crdsj.engine.values;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.crdsj.grammar.syntax.Value;

/**
 * CRDS value conditioning ({@code condition_value}, {@code condition_header}): the normalisation
 * applied to every header value and every Match key element before they are compared.
 *
 * <p>Runs once per header value per dataset, so the two CRDS regular expressions are reproduced
 * by hand-written scanners rather than java.util.regex.
 */
public final class Conditioning {
    private Conditioning() {}

    private static final String DONT_CARE_NUMBER = "-2147483648";

    /**
     * CRDS {@code condition_value} of a string: strip (Python whitespace), upper-case
     * (full Unicode, {@link Locale#ROOT}); a number becomes Python's {@code repr(float(s))}
     * ({@code inf} when it overflows); don't-care spellings become {@code N/A}; then
     * {@code ANY} -> {@code *}, {@code 4294967295.0} -> {@code -1.0}, {@code T}/{@code TRUE} ->
     * {@code T}, {@code F}/{@code FALSE} -> {@code F}.
     */
    public static String conditionValue(String raw) {
        // Datasets repeat the same few values endlessly (detectors, filters, modes): remember the
        // answers of this pure function in a small per-thread table indexed by the string's hash.
        String[] memo = MEMO.get();
        int slot = (raw.hashCode() & (MEMO_SLOTS - 1)) << 1;
        String known = memo[slot];
        if (known != null && known.equals(raw)) return memo[slot + 1];
        String result = condition(raw);
        memo[slot] = raw;
        memo[slot + 1] = result;
        return result;
    }

    private static final int MEMO_SLOTS = 4096;
    private static final ThreadLocal<String[]> MEMO = ThreadLocal.withInitial(() -> new String[2 * MEMO_SLOTS]);

    private static String condition(String raw) {
        String s = upper(PythonStrings.strip(raw));
        if (isNumber(s)) s = PythonFloat.repr(Double.parseDouble(s));
        if (isDontCare(s)) return "N/A";
        switch (s) {
            case "ANY": return "*";
            case "4294967295.0": return "-1.0";
            case "T": case "TRUE": return "T";
            case "F": case "FALSE": return "F";
            default: return s;
        }
    }

    /**
     * CRDS {@code condition_value} of a typed rule value, via Python's {@code str()} of it: an int
     * as its decimal digits (so a huge int conditions to {@code inf}), a float as its repr
     * ({@code inf} -> {@code INF}), {@code True}/{@code False} -> {@code T}/{@code F},
     * {@code None} -> {@code NONE}.
     *
     * @throws IllegalArgumentException for tuples, lists, dicts and selector calls, whose
     *     elements the caller conditions one by one
     */
    public static String conditionValue(Value v) {
        if (v instanceof Value.Str str) return conditionValue(str.value());
        if (v instanceof Value.Int i) return conditionValue(i.value().toString());
        if (v instanceof Value.Flt f) return conditionValue(PythonFloat.repr(f.value()));
        if (v instanceof Value.Bool b) return b.value() ? "T" : "F";
        if (v instanceof Value.None) return "NONE";
        throw new IllegalArgumentException("cannot condition a " + v.getClass().getSimpleName() + " value");
    }

    /**
     * CRDS {@code condition_header}: keys upper-cased ({@link Locale#ROOT}), values conditioned.
     * When two keys collide after upper-casing, the later value wins but the position of the first
     * is kept, as with a Python dict. A null value stands for Python's {@code None} and conditions
     * to {@code NONE}. Returns an unmodifiable map in the input's iteration order.
     */
    public static Map<String, String> conditionHeader(Map<String, String> header) {
        LinkedHashMap<String, String> upper = new LinkedHashMap<>(Math.max(16, header.size() * 2));
        for (Map.Entry<String, String> e : header.entrySet()) {
            upper.put(upper(e.getKey()), e.getValue());
        }
        upper.replaceAll((k, v) -> v == null ? "NONE" : conditionValue(v));
        return java.util.Collections.unmodifiableMap(upper);
    }

    /**
     * {@link #conditionHeader} computed on demand: keys are upper-cased at once (so collisions
     * resolve the same way), each value is conditioned when it is read. Bestrefs reads only the
     * instrument's required keys, while a dataset header may hold hundreds. Read-only.
     */
    public static Map<String, String> conditionedView(Map<String, String> header) {
        LinkedHashMap<String, String> raw = new LinkedHashMap<>(Math.max(16, header.size() * 2));
        for (Map.Entry<String, String> e : header.entrySet()) raw.put(upper(e.getKey()), e.getValue());
        return new java.util.AbstractMap<String, String>() {
            private Map<String, String> all;

            @Override
            public String get(Object key) {
                if (!raw.containsKey(key)) return null;
                String v = raw.get(key);
                return v == null ? "NONE" : conditionValue(v);
            }

            @Override
            public boolean containsKey(Object key) { return raw.containsKey(key); }

            @Override
            public int size() { return raw.size(); }

            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                if (all == null) {
                    LinkedHashMap<String, String> m = new LinkedHashMap<>(raw);
                    m.replaceAll((k, v) -> v == null ? "NONE" : conditionValue(v));
                    all = java.util.Collections.unmodifiableMap(m);
                }
                return all.entrySet();
            }
        };
    }

    /** Python {@code str.upper()}, with an allocation-free path for text that is already upper-case ASCII. */
    static String upper(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'a' && c <= 'z')) return s.toUpperCase(Locale.ROOT);
        }
        return s;
    }

    /**
     * Full match of {@code [-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?} or {@code [+-]?[0-9]+\.}
     * (CRDS NUMBER_RE); ASCII digits only, as Python's {@code [0-9]}.
     */
    static boolean isNumber(String s) {
        int n = s.length();
        int p = 0;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
        int intStart = p;
        while (p < n && isDigit(s.charAt(p))) p++;
        int intDigits = p - intStart;
        if (p < n && s.charAt(p) == '.') {
            p++;
            int fracStart = p;
            while (p < n && isDigit(s.charAt(p))) p++;
            if (p == fracStart) return intDigits > 0 && p == n; // "12." form: nothing may follow
        } else if (intDigits == 0) {
            return false;
        }
        if (p == n) return true;
        char e = s.charAt(p);
        if (e != 'e' && e != 'E') return false;
        p++;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) p++;
        int expStart = p;
        while (p < n && isDigit(s.charAt(p))) p++;
        return p > expStart && p == n;
    }

    /**
     * CRDS DONT_CARE_RE applied with a start-anchored match: {@code ^-2147483648.0|\(\)|N/A|NOT
     * APPLICABLE|NOT_APPLICABLE$}. Only the first alternative is start-anchored by the {@code ^},
     * only the last end-anchored by the {@code $}; re.match anchors every alternative at the
     * start anyway, so all but the last are prefix tests. The {@code .} is any code point except
     * a newline.
     */
    static boolean isDontCare(String s) {
        if (s.startsWith("N/A") || s.startsWith("()") || s.startsWith("NOT APPLICABLE")
                || s.equals("NOT_APPLICABLE")) {
            return true;
        }
        if (!s.startsWith(DONT_CARE_NUMBER)) return false;
        int p = DONT_CARE_NUMBER.length();
        if (p >= s.length() || s.charAt(p) == '\n') return false;
        p += Character.charCount(s.codePointAt(p));
        return p < s.length() && s.charAt(p) == '0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
