package org.crdsj.engine.values;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
    private final int capacity;
    private volatile Table<V> table;
    private int size;                 // guarded by this
    private volatile boolean full;    // read without the lock: once full, writers are skipped

    private record Entry<V>(String key, V value) {}

    private static final class Table<V> {
        final AtomicIntegerArray hashes;
        final AtomicReferenceArray<Entry<V>> entries;

        Table(int length) {
            hashes = new AtomicIntegerArray(length);
            entries = new AtomicReferenceArray<>(length);
        }

        void put(int hash, Entry<V> e) {
            int mask = hashes.length() - 1;
            int i = hash & mask;
            while (hashes.get(i) != 0) i = (i + 1) & mask;
            entries.setRelease(i, e);
            hashes.setRelease(i, hash);
        }
    }

    /** A table holding at most {@code capacity} keys, starting at {@code initialLength} slots (a power of two). */
    BoundedStringTable(int capacity, int initialLength) {
        this.capacity = capacity;
        this.table = new Table<>(initialLength);
    }

    /** The value remembered for {@code key}, or null. */
    V get(String key) {
        int hash = spread(key.hashCode());
        Table<V> t = table;
        int mask = t.hashes.length() - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int h = t.hashes.getAcquire(i);
            if (h == 0) return null;
            if (h == hash) {
                Entry<V> e = t.entries.getAcquire(i);
                if (e.key == key || e.key.equals(key)) return e.value;
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
    synchronized V putIfAbsent(String key, V value) {
        int hash = spread(key.hashCode());
        Table<V> t = table;
        int mask = t.hashes.length() - 1;
        for (int i = hash & mask; t.hashes.get(i) != 0; i = (i + 1) & mask) {
            Entry<V> e = t.entries.get(i);
            if (t.hashes.get(i) == hash && e.key.equals(key)) return e.value;
        }
        if (size >= capacity) {
            full = true;
            return null;
        }
        if (2 * (size + 1) > t.hashes.length()) {
            Table<V> bigger = new Table<>(t.hashes.length() * 2);
            for (int k = 0; k < t.hashes.length(); k++) {
                int h = t.hashes.get(k);
                if (h != 0) bigger.put(h, t.entries.get(k));
            }
            table = t = bigger;
        }
        t.put(hash, new Entry<>(key, value));
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
