package org.crdsj.engine.values;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded memory of a {@link KeywordSpace}'s answers for header keys as datasets spell them:
 * the slot of the key's upper-case form, or -1 when no mapping reads it. Datasets repeat the same
 * few hundred keys, so a header is read without upper-casing or re-hashing each key. Made for
 * one state of the space (it forgets everything when a keyword is added). Thread-safe like
 * {@link ConditionedValues}: lock-free readers, serialised writers, hashes published after entries.
 */
final class HeaderKeySlots {
    private static final int CAPACITY = 4096;
    private static final int MIN_TABLE = 64;

    private volatile Table table = new Table(MIN_TABLE);
    private int size;                // guarded by this

    private record Entry(String key, int slot) {}

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

    /** The remembered slot of {@code key} (-1: not read by any mapping), or -2 when not remembered. */
    int slot(String key) {
        int hash = spread(key.hashCode());
        Table t = table;
        int mask = t.hashes.length() - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int h = t.hashes.getAcquire(i);
            if (h == 0) return -2;
            if (h == hash) {
                Entry e = t.entries.getAcquire(i);
                if (e.key == key || e.key.equals(key)) return e.slot;
            }
        }
    }

    /** Remembers {@code slot} for {@code key}, while there is room. */
    synchronized void remember(String key, int slot) {
        if (size >= CAPACITY) return;
        int hash = spread(key.hashCode());
        Table t = table;
        int mask = t.hashes.length() - 1;
        for (int i = hash & mask; t.hashes.get(i) != 0; i = (i + 1) & mask) {
            if (t.hashes.get(i) == hash && t.entries.get(i).key.equals(key)) return;
        }
        if (2 * (size + 1) > t.hashes.length()) {
            Table bigger = new Table(t.hashes.length() * 2);
            for (int k = 0; k < t.hashes.length(); k++) {
                int h = t.hashes.get(k);
                if (h != 0) bigger.put(h, t.entries.get(k));
            }
            table = t = bigger;
        }
        t.put(hash, new Entry(key, slot));
        size++;
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }
}
