package org.crdsj.engine.observatory;

import java.util.Map;

/**
 * An instrument hook that rewrites a lookup header before matching ({@code precondition_header})
 * or computes a second header to try when the first lookup fails ({@code fallback_header}).
 * Hooks receive a copy and return a new header; a fallback may return null ("no second try").
 */
@FunctionalInterface
public interface HeaderHook {
    Map<String, String> apply(Map<String, String> header);
}
