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
public final class SlottedHeader extends AbstractMap<String, String>
        implements java.util.function.Function<String, String>, org.crdsj.engine.expr.LoweredExpression.SlotValues {
    private final KeywordSpace space;
    private final String[] values;      // by slot; null: absent
    private final String[] names;       // keys in order
    private final int[] order;          // their slots
    // What selectors derived from this header's values (e.g. its lookup date): every rmap of a
    // context reads the same dataset date, so it is worked out once per header; copies made by
    // with() share the cell. It holds immutable objects only, which check their own inputs, so a
    // racing writer only costs a recomputation.
    private final Derived derived;
    // A copy made by with() shares the values and lists the few it changes (null: none), so a
    // parkey relevance or hook copy costs those few, not the whole space.
    private final int[] changedSlots;
    private final String[] changedValues;

    private static final class Derived {
        Object value;
    }

    /**
     * @param values by slot (taken, not copied), non-null exactly at {@code order}'s slots
     * @param names the keys in iteration order, {@code order[i]} being the slot of {@code names[i]}
     */
    public SlottedHeader(KeywordSpace space, String[] values, String[] names, int[] order) {
        this.space = space;
        this.values = values;
        this.names = names;
        this.order = order;
        this.derived = new Derived();
        this.changedSlots = null;
        this.changedValues = null;
    }

    private SlottedHeader(SlottedHeader like, int[] changedSlots, String[] changedValues) {
        this.space = like.space;
        this.values = like.values;
        this.names = like.names;
        this.order = like.order;
        this.derived = like.derived;
        this.changedSlots = changedSlots;
        this.changedValues = changedValues;
    }

    public KeywordSpace space() { return space; }

    /** The last value {@link #remember}ed for this header, or null. */
    public Object remembered() { return derived.value; }

    /**
     * Remembers an immutable object derived from this header's values for later readers of the
     * same header (they must check it was derived from the values they read).
     */
    public void remember(Object value) { derived.value = value; }

    /** The value at a slot of this header's space, null when absent. */
    @Override
    public String value(int slot) {
        int[] changed = changedSlots;
        if (changed != null) {
            for (int k = 0; k < changed.length; k++) if (changed[k] == slot) return changedValues[k];
        }
        return slot >= 0 && slot < values.length ? values[slot] : null;
    }

    /**
     * This header with some present keys given other values, or null when a key is not present
     * (the caller then overlays another way).
     */
    public SlottedHeader with(Map<String, String> overrides) {
        int old = changedSlots == null ? 0 : changedSlots.length;
        int[] slots = new int[old + overrides.size()];
        String[] vals = new String[slots.length];
        if (old > 0) {
            System.arraycopy(changedSlots, 0, slots, 0, old);
            System.arraycopy(changedValues, 0, vals, 0, old);
        }
        int n = old;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            int s = space.slot(e.getKey());
            if (s < 0 || value(s) == null || e.getValue() == null) return null;
            int k = 0;
            while (k < n && slots[k] != s) k++;
            if (k == n) slots[n++] = s;
            vals[k] = e.getValue();
        }
        if (n < slots.length) {
            slots = java.util.Arrays.copyOf(slots, n);
            vals = java.util.Arrays.copyOf(vals, n);
        }
        return new SlottedHeader(this, slots, vals);    // what was derived is checked against the values by its readers
    }

    @Override
    public String get(Object key) {
        // Keys are interned by the space, so a name written in code is usually found by identity
        // among this header's few keys, without hashing.
        for (int i = 0; i < names.length; i++) if (names[i] == key) return value(order[i]);
        return value(space.slot(key));
    }

    /**
     * An identity for the set and order of this header's keys: headers with the same layout
     * resolve names to the same slots (see {@link #variableSlot}).
     */
    public Object layout() { return names; }

    /**
     * Where an expression variable of this header is: a key, or {@code META_X_Y} for a dotted key
     * {@code META.X.Y} (the alias wins, the last such key first, as CRDS builds its expression
     * namespace); -1 when the header has no such variable. Depends only on {@link #layout()}.
     */
    public int variableSlot(String name) {
        int direct = -1;
        for (int i = names.length - 1; i >= 0; i--) {
            String k = names[i];
            if (k.indexOf('.') >= 0 && k.replace('.', '_').equals(name)) return order[i];
            if (direct < 0 && k.equals(name)) direct = order[i];
        }
        return direct;
    }

    /**
     * The header as expression variables: the value of {@link #variableSlot}{@code (name)}, null
     * when there is no such variable.
     */
    @Override
    public String apply(String name) { return value(variableSlot(name)); }

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
                        Entry<String, String> e = new SimpleImmutableEntry<>(names[i], value(order[i]));
                        i++;
                        return e;
                    }
                };
            }
        };
    }
}
