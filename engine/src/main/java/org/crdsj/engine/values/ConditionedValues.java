package org.crdsj.engine.values;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One keyword's dictionary from raw header values to their {@linkplain Conditioning#conditionValue
 * conditioned} form, whose answers are canonical: every raw spelling of a value leads to one
 * interned {@code String} instance (so the literals written in code, such as {@code "N/A"}, are the
 * same instances too). Memos keyed by conditioned values then find their keys by identity, with
 * the hash already cached, and equal values of different datasets share one object.
 *
 * <p>Bounded: beyond {@code capacity} distinct raw values (a keyword such as an exposure time whose
 * values are all different) nothing more is remembered, and such values are conditioned each time
 * (their answers are then equal, not identical). Thread-safe: readers take no lock and write
 * nothing; writers are serialised; growing publishes a complete new table.
 */
public final class ConditionedValues {
    private static final int MIN_TABLE = 16;

    private final int capacity;
    private volatile AtomicReferenceArray<Entry> table = new AtomicReferenceArray<>(MIN_TABLE);
    private int size;               // guarded by this
    private volatile boolean full;  // read without the lock: once full, misses skip it

    private record Entry(String raw, int hash, String conditioned) {}

    /** A dictionary that remembers at most {@code capacity} raw values. */
    public ConditionedValues(int capacity) {
        this.capacity = capacity;
    }

    /** {@link Conditioning#conditionValue}{@code (raw)}, the canonical instance when remembered. */
    public String condition(String raw) {
        int hash = spread(raw.hashCode());
        AtomicReferenceArray<Entry> t = table;
        int mask = t.length() - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = t.getAcquire(i);
            if (e == null) break;
            if (e.hash == hash) {
                String r = e.raw;
                if (r == raw || r.equals(raw)) return e.conditioned;
            }
        }
        String conditioned = Conditioning.conditionValue(raw);
        return full ? conditioned : remember(raw, hash, conditioned);
    }

    /** How many raw values are remembered. */
    public synchronized int size() { return size; }

    private synchronized String remember(String raw, int hash, String conditioned) {
        if (size >= capacity) {
            full = true;
            return conditioned;
        }
        AtomicReferenceArray<Entry> t = table;
        int mask = t.length() - 1;
        int i = hash & mask;
        for (Entry e; (e = t.get(i)) != null; i = (i + 1) & mask) {
            if (e.hash == hash && e.raw.equals(raw)) return e.conditioned;   // a racing writer was first
        }
        // Interned: equal conditioned values of every keyword (and literals in code) are one object.
        String canonical = conditioned.intern();
        if (2 * (size + 1) > t.length()) {
            t = grown(t);
            mask = t.length() - 1;
            i = hash & mask;
            while (t.get(i) != null) i = (i + 1) & mask;
        }
        t.setRelease(i, new Entry(raw.equals(canonical) ? canonical : raw, hash, canonical));
        size++;
        return canonical;
    }

    private AtomicReferenceArray<Entry> grown(AtomicReferenceArray<Entry> t) {
        AtomicReferenceArray<Entry> bigger = new AtomicReferenceArray<>(t.length() * 2);
        int mask = bigger.length() - 1;
        for (int k = 0; k < t.length(); k++) {
            Entry e = t.get(k);
            if (e == null) continue;
            int i = e.hash & mask;
            while (bigger.get(i) != null) i = (i + 1) & mask;
            bigger.setRelease(i, e);
        }
        table = bigger;
        return bigger;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
