package org.crdsj.engine.rules;

import java.util.function.Supplier;

/**
 * A value built by the first caller that needs it; callers racing with it wait and get the same
 * value. The builder is dropped once used, so whatever it holds (e.g. a mapped cache file) can go.
 * Thread-safe.
 */
final class BuiltOnFirstUse<T> {
    private Supplier<T> build;   // null once built
    private volatile T value;

    BuiltOnFirstUse(Supplier<T> build) {
        this.build = build;
    }

    /** The value, built now if it was not yet. */
    T get() {
        T v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) {
                value = build.get();
                build = null;
            }
            return value;
        }
    }

    /** Whether the value has been built. */
    boolean built() { return value != null; }
}
