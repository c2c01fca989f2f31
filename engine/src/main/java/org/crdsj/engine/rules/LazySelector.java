package org.crdsj.engine.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selector;

/**
 * An rmap's selector taken from a compiled context: built on first use from the stored selector
 * syntax. Only loads that have checked the whole closure against the compiled file make these,
 * so the build runs on the very syntax that compiled without error before (with the same build
 * of the code). {@link ReferenceMapping#selector()} hands out the built selector, never this.
 * Thread-safe: the first caller builds, the others wait for it.
 */
final class LazySelector implements Selector {
    private final BuiltOnFirstUse<Selector> selector;

    LazySelector(Supplier<Selector> build) {
        this.selector = new BuiltOnFirstUse<>(build);
    }

    /** The selector itself, built now if it was not yet. */
    Selector target() { return selector.get(); }

    /** Whether the selector has been built. */
    boolean built() { return selector.built(); }

    @Override public String kind() { return target().kind(); }
    @Override public List<String> parameters() { return target().parameters(); }
    @Override public List<org.crdsj.engine.select.Selection> selections() { return target().selections(); }
    @Override public Choice select(Map<String, String> header) { return target().select(header); }
    @Override public Selector merge(Choice other) { return target().merge(other); }
    @Override public org.crdsj.engine.select.SelectionPath trace(Map<String, String> header) { return target().trace(header); }
}
