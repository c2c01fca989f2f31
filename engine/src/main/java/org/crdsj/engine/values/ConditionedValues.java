package org.crdsj.engine.values;

/**
 * One keyword's dictionary from raw header values to their {@linkplain Conditioning#conditionValue
 * conditioned} form, whose answers are canonical: every raw spelling of a value leads to one
 * interned {@code String} instance (so the literals written in code, such as {@code "N/A"}, are the
 * same instances too). Memos keyed by conditioned values then find their keys by identity, with
 * the hash already cached, and equal values of different datasets share one object.
 *
 * <p>Bounded: beyond {@code capacity} distinct raw values (a keyword such as an exposure time whose
 * values are all different) nothing more is remembered, and such values are conditioned each time
 * (their answers are then equal, not identical). Thread-safe: a {@link BoundedStringTable}, read without locks.
 */
public final class ConditionedValues {
    private final BoundedStringTable<String> table;

    /** A dictionary that remembers at most {@code capacity} raw values. */
    public ConditionedValues(int capacity) {
        this.table = new BoundedStringTable<>(capacity, 16);
    }

    /** {@link Conditioning#conditionValue}{@code (raw)}, the canonical instance when remembered. */
    public String condition(String raw) {
        String known = table.get(raw);
        if (known != null) return known;
        String conditioned = Conditioning.conditionValue(raw);
        if (table.isFull()) return conditioned;
        // Interned: equal conditioned values of every keyword (and literals in code) are one object.
        String canonical = conditioned.intern();
        String held = table.putIfAbsent(raw.equals(canonical) ? canonical : raw, canonical);
        return held != null ? held : canonical;
    }

    /** How many raw values are remembered. */
    public int size() { return table.size(); }
}
