package org.crdsj.engine.select;

import org.crdsj.grammar.syntax.Value;

/**
 * One entry of a selector: its key as CRDS uses it for lookups ({@code key}: conditioned for
 * Match, raw for UseAfter), the key as written in the rules before any header {@code substitutions}
 * ({@code rawKey}, null for entries
 * created by merging) and the choice it leads to.
 */
public record Selection(Object key, Value rawKey, Choice choice) {}
