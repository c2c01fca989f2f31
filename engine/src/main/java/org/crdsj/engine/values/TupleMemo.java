package org.crdsj.engine.values;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded memory from tuples of strings (nulls allowed, meaning "absent") to values, for pure
 * functions of a few header values (a Match's plan, an expression's truth). Looked up with the
 * caller's own array: no key object is made per lookup, and the strings, which are usually the
 * very ones remembered (conditioned values come from one table), are compared by identity first.
 *
 * <p>Thread-safe: reads take no lock; an entry, once visible, is complete (immutable, published
 * through an {@link AtomicReferenceArray}). Writers are serialised; growing the table publishes a
 * new, complete copy, so a reader sees either table. Beyond {@code capacity} entries nothing more
 * is remembered.
 */
public final class TupleMemo<V> {
    private static final int MIN_TABLE = 16;

    private final int capacity;
    private volatile AtomicReferenceArray<Entry<V>> table = new AtomicReferenceArray<>(MIN_TABLE);
    private int size;                   // guarded by this

    private record Entry<V>(String[] key, int hash, V value) {}

    public TupleMemo(int capacity) {
        this.capacity = capacity;
    }

    /** The hash {@link #get} and {@link #put} use for {@code key}. */
    public static int hash(String[] key) {
        int h = 1;
        for (String s : key) h = 31 * h + (s == null ? 0 : s.hashCode());
        return h ^ (h >>> 16);
    }

    /** {@link #hash(String[])} of the one-element tuple {@code (value)}. */
    public static int hash(String value) {
        int h = 31 + (value == null ? 0 : value.hashCode());
        return h ^ (h >>> 16);
    }

    /** {@link #get(String[], int)} of the one-element tuple {@code (value)}, without making it. */
    public V get(String value, int hash) {
        AtomicReferenceArray<Entry<V>> t = table;
        int mask = t.length() - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry<V> e = t.getAcquire(i);
            if (e == null) return null;
            if (e.hash == hash && e.key.length == 1) {
                String k = e.key[0];
                if (k == value || (k != null && k.equals(value))) return e.value;
            }
        }
    }

    /** The value remembered for a tuple equal to {@code key} with hash {@link #hash}{@code (key)}, or null. */
    public V get(String[] key, int hash) {
        AtomicReferenceArray<Entry<V>> t = table;
        int mask = t.length() - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry<V> e = t.getAcquire(i);
            if (e == null) return null;
            if (e.hash == hash && same(e.key, key)) return e.value;
        }
    }

    /**
     * Remembers {@code value} for {@code key} (which the caller no longer changes), unless full or
     * already present; returns the value now remembered for the key (or {@code value}).
     */
    public synchronized V put(String[] key, int hash, V value) {
        V known = get(key, hash);
        if (known != null) return known;
        if (size >= capacity) return value;
        AtomicReferenceArray<Entry<V>> t = table;
        if (2 * (size + 1) > t.length()) t = grow(t);
        insert(t, new Entry<>(key, hash, value));
        size++;
        return value;
    }

    /** How many tuples are remembered. */
    public synchronized int size() { return size; }

    private AtomicReferenceArray<Entry<V>> grow(AtomicReferenceArray<Entry<V>> t) {
        AtomicReferenceArray<Entry<V>> bigger = new AtomicReferenceArray<>(t.length() * 2);
        for (int i = 0; i < t.length(); i++) {
            Entry<V> e = t.get(i);
            if (e != null) insert(bigger, e);
        }
        table = bigger;
        return bigger;
    }

    private static <V> void insert(AtomicReferenceArray<Entry<V>> t, Entry<V> e) {
        int mask = t.length() - 1;
        int i = e.hash & mask;
        while (t.get(i) != null) i = (i + 1) & mask;
        t.setRelease(i, e);
    }

    private static boolean same(String[] a, String[] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) {
            String x = a[i], y = b[i];
            if (x != y && (x == null || !x.equals(y))) return false;
        }
        return true;
    }
}
