package org.crdsj.engine.values;

/**
 * A bounded memory of a {@link KeywordSpace}'s answers for header keys as datasets spell them:
 * the slot of the key's upper-case form, or -1 when no mapping reads it. Datasets repeat the same
 * few hundred keys, so a header is read without upper-casing or re-hashing each key. Made for
 * one state of the space (it forgets everything when a keyword is added). Thread-safe: a
 * {@link BoundedStringTable}, read without locks.
 */
final class HeaderKeySlots {
    private final BoundedStringTable<Integer> slots = new BoundedStringTable<>(4096, 64);

    /** The remembered slot of {@code key} (-1: not read by any mapping), or -2 when not remembered. */
    int slot(String key) {
        Integer s = slots.get(key);
        return s == null ? -2 : s;
    }

    /** Remembers {@code slot} for {@code key}, while there is room. */
    void remember(String key, int slot) {
        slots.putIfAbsent(key, slot);
    }
}
