package org.crdsj.engine.compare;

/**
 * A changed assignment of one dataset: CRDS's update tuple. {@code oldReference} and
 * {@code newReference} are normalised (upper-case names, {@code N/A}, or a failed side's text).
 */
public record Update(String filekind, String oldReference, String newReference) {}
