package org.crdsj.engine.rules;

import java.util.List;
import java.util.function.Supplier;

/**
 * An rmap of a context loaded from a compiled context, built on first use. What the context needs
 * of it up front (its required parkeys) is recorded in the compiled file, so the load decodes
 * nothing of it. Only loads that checked the whole closure against the compiled file make these,
 * so the build runs on the very syntax that compiled without error before, with the same build of
 * the code. {@link InstrumentContext} hands out the built {@link ReferenceMapping}, never this.
 * Thread-safe: the first caller builds, the others wait for it.
 */
final class LazyRmap {
    private final List<String> requiredParkeys;
    private final BuiltOnFirstUse<ReferenceMapping> rmap;

    LazyRmap(List<String> requiredParkeys, Supplier<ReferenceMapping> build) {
        this.requiredParkeys = requiredParkeys;
        this.rmap = new BuiltOnFirstUse<>(build);
    }

    /** The required parkeys the built rmap will have (as recorded when it was compiled). */
    List<String> requiredParkeys() { return requiredParkeys; }

    /** The rmap itself, built now if it was not yet. */
    ReferenceMapping get() { return rmap.get(); }

    /** Whether the rmap has been built. */
    boolean built() { return rmap.built(); }

    /** A selection value of a context with any lazy rmap built. */
    static Object resolve(Object selection) {
        return selection instanceof LazyRmap l ? l.get() : selection;
    }
}
