package org.crdsj.engine.expr;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Python tuple or list as an expression result: an unmodifiable {@link List} that remembers
 * which of the two it is, because Python never considers a tuple equal to a list, and names the
 * type in error messages. Java {@code equals} follows the {@link List} contract (items only);
 * Python equality, which also requires the same kind, is {@link PythonOperators#eq}.
 */
public final class PythonSequence extends AbstractList<Object> implements RandomAccess {
    private final List<Object> items;
    private final boolean tuple;

    private PythonSequence(List<Object> items, boolean tuple) {
        this.items = List.copyOf(items);
        this.tuple = tuple;
    }

    /** A tuple of {@code items} (which must not contain Java nulls; use {@link PythonNone}). */
    public static PythonSequence tuple(List<?> items) {
        return new PythonSequence(List.copyOf(items), true);
    }

    /** A list of {@code items} (which must not contain Java nulls; use {@link PythonNone}). */
    public static PythonSequence list(List<?> items) {
        return new PythonSequence(List.copyOf(items), false);
    }

    /** True for a tuple, false for a list. */
    public boolean isTuple() {
        return tuple;
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
