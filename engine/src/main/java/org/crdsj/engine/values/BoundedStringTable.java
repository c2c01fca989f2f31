package org.crdsj.engine.values;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded map from strings to values for memories read on every lookup: readers take no lock
 * and write nothing, writers are serialised, and once {@code capacity} keys are held nothing more
 * is added (a key whose values are all different, such as a date, must not grow it forever).
 *
 * <p>Open addressing with the hashes apart from the entries: a probe, and above all a miss,
 * scans one int array without reaching any entry. A slot's hash (never 0, which marks an empty
 * slot) is published after its entry, so a reader that sees the hash sees the entry; growing
 * publishes a complete new table.
 */
final class BoundedStringTable<V> {
    private static final VarHandle HASHES = MethodHandles.arrayElementVarHandle(int[].class);

    private final int capacity;
    private volatile Table table;
    private int size;                 // guarded by this
    private volatile boolean full;    // read without the lock: once full, writers are skipped

    /**
     * Slot {@code i}: its hash at {@code hashes[i]}, its key and value side by side at
     * {@code keysAndValues[2i]} and {@code [2i + 1]} (no entry object to reach: a hit reads the
     * hash, then the key and value from one place).
     */
    private static final class Table {
        final int[] hashes;
        final Object[] keysAndValues;

        Table(int length) {
            hashes = new int[length];
            keysAndValues = new Object[2 * length];
        }

        /** Fills a free slot: key and value first, then the hash, released (readers acquire it). */
        void put(int hash, Object key, Object value) {
            int mask = hashes.length - 1;
            int i = hash & mask;
            while (hashes[i] != 0) i = (i + 1) & mask;
            keysAndValues[2 * i] = key;
            keysAndValues[2 * i + 1] = value;
            HASHES.setRelease(hashes, i, hash);
        }
    }

    /** A table holding at most {@code capacity} keys, starting at {@code initialLength} slots (a power of two). */
    BoundedStringTable(int capacity, int initialLength) {
        this.capacity = capacity;
        this.table = new Table(initialLength);
    }

    /** The value remembered for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(String key) {
        int hash = spread(key.hashCode());
        Table t = table;
        int[] hashes = t.hashes;
        int mask = hashes.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int h = (int) HASHES.getAcquire(hashes, i);
            if (h == 0) return null;
            if (h == hash) {
                Object k = t.keysAndValues[2 * i];
                if (k == key || key.equals(k)) return (V) t.keysAndValues[2 * i + 1];
            }
        }
    }

    /** True once the table holds as many keys as it may. */
    boolean isFull() { return full; }

    /**
     * Remembers {@code value} for {@code key} while there is room, and returns what the table
     * now holds for it: the value of a racing writer that came first, {@code value}, or null
     * when the table is full.
     */
    @SuppressWarnings("unchecked")
    synchronized V putIfAbsent(String key, V value) {
        int hash = spread(key.hashCode());
        Table t = table;
        int mask = t.hashes.length - 1;
        for (int i = hash & mask; t.hashes[i] != 0; i = (i + 1) & mask) {
            if (t.hashes[i] == hash && key.equals(t.keysAndValues[2 * i])) return (V) t.keysAndValues[2 * i + 1];
        }
        if (size >= capacity) {
            full = true;
            return null;
        }
        if (2 * (size + 1) > t.hashes.length) {
            Table bigger = new Table(t.hashes.length * 2);
            for (int k = 0; k < t.hashes.length; k++) {
                int h = t.hashes[k];
                if (h != 0) bigger.put(h, t.keysAndValues[2 * k], t.keysAndValues[2 * k + 1]);
            }
            table = t = bigger;     // volatile: a reader of the new table sees it complete
        }
        t.put(hash, key, value);
        size++;
        return value;
    }

    /** How many keys are remembered. */
    synchronized int size() { return size; }

    /** The hash as stored: spread, and never 0. */
    private static int spread(int h) {
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }
}
