package org.crdsj.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.grammar.syntax.Value;

/**
 * A rules value used as a Python dict key: equality and hashing follow Python, so {@code 1},
 * {@code 1.0} and {@code True} are the same key, and tuples compare element by element. Used to
 * give dict displays in rules files Python's semantics (a repeated key keeps the first-written key
 * object and the last value).
 */
public final class PythonKey {
    private final Value value;
    private final int hash;

    public PythonKey(Value value) {
        this.value = value;
        this.hash = hashOf(value);
    }

    public Value value() { return value; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PythonKey k && pyEquals(value, k.value);
    }

    @Override
    public int hashCode() { return hash; }

    @Override
    public String toString() { return value.toString(); }

    /** Python {@code ==} on rules values. */
    public static boolean pyEquals(Value a, Value b) {
        BigDecimal na = number(a), nb = number(b);
        if (na != null || nb != null) return na != null && nb != null && na.compareTo(nb) == 0;
        if (a instanceof Value.Str sa) return b instanceof Value.Str sb && sa.value().equals(sb.value());
        if (a instanceof Value.None) return b instanceof Value.None;
        if (a instanceof Value.Tuple ta) return b instanceof Value.Tuple tb && itemsEqual(ta.items(), tb.items());
        if (a instanceof Value.ListVal la) return b instanceof Value.ListVal lb && itemsEqual(la.items(), lb.items());
        if (a instanceof Value.Dict da) return b instanceof Value.Dict db && dictsEqual(da, db);
        return a.equals(b);
    }

    /** Python dict equality: the same keys, each with an equal value, in any order. */
    private static boolean dictsEqual(Value.Dict a, Value.Dict b) {
        Map<PythonKey, Value.Entry> ea = dictEntries(a), eb = dictEntries(b);
        if (ea.size() != eb.size()) return false;
        for (Map.Entry<PythonKey, Value.Entry> e : ea.entrySet()) {
            Value.Entry other = eb.get(e.getKey());
            if (other == null || !pyEquals(e.getValue().value(), other.value())) return false;
        }
        return true;
    }

    private static boolean itemsEqual(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!pyEquals(a.get(i), b.get(i))) return false;
        return true;
    }

    private static BigDecimal number(Value v) {
        if (v instanceof Value.Int i) return new BigDecimal(i.value());
        if (v instanceof Value.Bool b) return b.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        if (v instanceof Value.Flt f && Double.isFinite(f.value())) return new BigDecimal(f.value());
        return null;
    }

    private static int hashOf(Value v) {
        BigDecimal n = number(v);
        if (n != null) return Double.hashCode(n.doubleValue());
        if (v instanceof Value.Str s) return s.value().hashCode();
        if (v instanceof Value.Tuple t) {
            int h = 17;
            for (Value item : t.items()) h = 31 * h + hashOf(item);
            return h;
        }
        if (v instanceof Value.None) return 7;
        return 0;
    }

    /**
     * The entries of a dict display with Python's semantics: in first-occurrence order, a
     * repeated key keeping its first-written key object and its last value.
     */
    public static LinkedHashMap<PythonKey, Value.Entry> dictEntries(Value.Dict dict) {
        LinkedHashMap<PythonKey, Value.Entry> out = new LinkedHashMap<>();
        for (Value.Entry e : dict.entries()) {
            PythonKey k = new PythonKey(e.key());
            Value.Entry old = out.get(k);
            out.put(k, old == null ? e : new Value.Entry(old.key(), e.value()));
        }
        return out;
    }

    /** The same, as a list of entries. */
    public static List<Value.Entry> dictItems(Value.Dict dict) {
        List<Value.Entry> entries = dict.entries();
        if (distinctTextKeys(entries)) return new ArrayList<>(entries);
        return new ArrayList<>(dictEntries(dict).values());
    }

    /**
     * True when every key is a string, a number or a tuple of those, and no two are equal: then
     * Python's dict keeps the entries as written. (Selector dicts are such, and this check costs
     * less than hashing every key as a {@link PythonKey}; loads run it for every selector.)
     */
    private static boolean distinctTextKeys(List<Value.Entry> entries) {
        java.util.HashSet<Object> seen = new java.util.HashSet<>(entries.size() * 2);
        for (Value.Entry e : entries) {
            Object key;
            if (e.key() instanceof Value.Tuple t) {
                List<Value> items = t.items();
                Object[] parts = new Object[items.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = plainKey(items.get(i));
                    if (parts[i] == null) return false;
                }
                key = java.util.Arrays.asList(parts);   // never equal to a string or a number
            } else {
                key = plainKey(e.key());
                if (key == null) return false;
            }
            if (!seen.add(key)) return false;
        }
        return true;
    }

    /**
     * A Java object equal to another exactly when the two values are equal in Python: a string's
     * text, or a number as a double (1, 1.0 and True alike; -0.0 as 0.0); null for anything else
     * (other kinds, non-finite floats, ints a double cannot hold exactly).
     */
    private static Object plainKey(Value v) {
        if (v instanceof Value.Str s) return s.value();
        if (v instanceof Value.Int i) return i.value().bitLength() <= 53 ? (Object) (i.value().doubleValue() + 0.0) : null;
        if (v instanceof Value.Flt f) return Double.isFinite(f.value()) ? (Object) (f.value() + 0.0) : null;
        if (v instanceof Value.Bool b) return b.value() ? 1.0 : 0.0;
        return null;
    }

    /** A dict of string keys (e.g. a header), last value wins. */
    public static Map<String, Value> stringKeyed(Value.Dict dict) {
        LinkedHashMap<String, Value> out = new LinkedHashMap<>();
        for (Value.Entry e : dictItems(dict)) {
            if (e.key() instanceof Value.Str s) out.put(s.value(), e.value());
        }
        return out;
    }
}
