package org.crdsj.engine.values;

import java.util.Arrays;

/**
 * A fixed tuple of strings (nulls allowed, meaning "absent") usable as a hash key, e.g. the values
 * a Match or an expression reads from a dataset header.
 */
public final class StringTuple {
    private final String[] values;
    private final int hash;

    public StringTuple(String[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    @Override public int hashCode() { return hash; }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringTuple t && hash == t.hash && Arrays.equals(values, t.values);
    }

    @Override public String toString() { return Arrays.toString(values); }
}
