package org.crdsj.engine.values;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A lookup header whose values sit in an array indexed by {@link KeywordSpace} numbers: selectors
 * compiled in the same space read a parameter with one array access. As a {@link Map} it is
 * read-only and iterates its keys in the order it was given.
 */
public final class SlottedHeader extends AbstractMap<String, String> {
    private final KeywordSpace space;
    private final String[] values;      // by slot; null: absent
    private final String[] names;       // keys in order
    private final int[] order;          // their slots

    /**
     * @param values by slot (taken, not copied), non-null exactly at {@code order}'s slots
     * @param names the keys in iteration order, {@code order[i]} being the slot of {@code names[i]}
     */
    public SlottedHeader(KeywordSpace space, String[] values, String[] names, int[] order) {
        this.space = space;
        this.values = values;
        this.names = names;
        this.order = order;
    }

    public KeywordSpace space() { return space; }

    /** The value at a slot of this header's space, null when absent. */
    public String value(int slot) {
        return slot >= 0 && slot < values.length ? values[slot] : null;
    }

    /**
     * This header with some present keys given other values, or null when a key is not present
     * (the caller then overlays another way).
     */
    public SlottedHeader with(Map<String, String> overrides) {
        String[] copy = values.clone();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            int s = space.slot(e.getKey());
            if (s < 0 || s >= copy.length || copy[s] == null || e.getValue() == null) return null;
            copy[s] = e.getValue();
        }
        return new SlottedHeader(space, copy, names, order);
    }

    @Override
    public String get(Object key) {
        return value(space.slot(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() { return names.length; }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return names.length; }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    int i;
                    @Override public boolean hasNext() { return i < names.length; }

                    @Override
                    public Entry<String, String> next() {
                        if (i >= names.length) throw new NoSuchElementException();
                        Entry<String, String> e = new SimpleImmutableEntry<>(names[i], values[order[i]]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }
}
