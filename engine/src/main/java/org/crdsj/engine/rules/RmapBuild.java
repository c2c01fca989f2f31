package org.crdsj.engine.rules;

/**
 * When the rmaps of a context loaded from its compiled context are built (each rmap, then its
 * selector). Answers are the same either way; only where the time goes differs.
 */
public enum RmapBuild {
    /** Each on its first use by a lookup: the cheapest load, the first lookups pay. */
    LAZY,
    /**
     * On first use, and meanwhile a helper thread on another core builds the others (from the
     * last, so it rarely meets the lookups, which start from the first): for runs that will use
     * most of the context soon, such as a batch of datasets. Without a second core, as LAZY.
     */
    BACKGROUND,
    /** All during the load, on two threads. */
    EAGER
}
