package org.crdsj.engine.values;

import java.util.concurrent.atomic.AtomicIntegerArray;
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
    private volatile Table table = new Table(MIN_TABLE);
    private int size;               // guarded by this
    private volatile boolean full;  // read without the lock: once full, misses skip it

    private record Entry(String raw, String conditioned) {}

    /**
     * Open addressing with the hashes apart from the entries: a probe, and above all a miss (a
     * keyword of all-different values), scans one int array without reaching any entry. A slot's
     * hash (never 0) is published after its entry, so a reader that sees the hash sees the entry.
     */
    private static final class Table {
        final AtomicIntegerArray hashes;
        final AtomicReferenceArray<Entry> entries;

        Table(int length) {
            hashes = new AtomicIntegerArray(length);
            entries = new AtomicReferenceArray<>(length);
        }

        void put(int hash, Entry e) {
            int mask = hashes.length() - 1;
            int i = hash & mask;
            while (hashes.get(i) != 0) i = (i + 1) & mask;
            entries.setRelease(i, e);
            hashes.setRelease(i, hash);
        }
    }

    /** A dictionary that remembers at most {@code capacity} raw values. */
    public ConditionedValues(int capacity) {
        this.capacity = capacity;
    }

    /** {@link Conditioning#conditionValue}{@code (raw)}, the canonical instance when remembered. */
    public String condition(String raw) {
        int hash = spread(raw.hashCode());
        Table t = table;
        int mask = t.hashes.length() - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int h = t.hashes.getAcquire(i);
            if (h == 0) break;
            if (h == hash) {
                Entry e = t.entries.getAcquire(i);
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
        Table t = table;
        int mask = t.hashes.length() - 1;
        for (int i = hash & mask; t.hashes.get(i) != 0; i = (i + 1) & mask) {
            Entry e = t.entries.get(i);
            if (t.hashes.get(i) == hash && e.raw.equals(raw)) return e.conditioned;   // a racing writer was first
        }
        // Interned: equal conditioned values of every keyword (and literals in code) are one object.
        String canonical = conditioned.intern();
        if (2 * (size + 1) > t.hashes.length()) {
            Table bigger = new Table(t.hashes.length() * 2);
            for (int k = 0; k < t.hashes.length(); k++) {
                int h = t.hashes.get(k);
                if (h != 0) bigger.put(h, t.entries.get(k));
            }
            table = t = bigger;
        }
        t.put(hash, new Entry(raw.equals(canonical) ? canonical : raw, canonical));
        size++;
        return canonical;
    }

    /** The hash as stored: spread, and never 0 (0 marks an empty slot). */
    private static int spread(int h) {
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }
}
