package org.crdsj.engine.observatory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instrument hook that rewrites a lookup header before matching ({@code precondition_header})
 * or computes a second header to try when the first lookup fails ({@code fallback_header}).
 * A hook reads the header and says what it changes, so a caller can apply the changes to its own
 * kind of header (or skip the copy when nothing changes).
 */
@FunctionalInterface
public interface HeaderHook {
    /**
     * The keys the hook sets and their new values (empty when it changes nothing), or null for a
     * fallback's "no second try". {@code header} is only read.
     */
    Map<String, String> changes(Map<String, String> header);

    /** The hook's new header: a copy of {@code header} with the {@link #changes} (null: no second try). */
    default Map<String, String> apply(Map<String, String> header) {
        Map<String, String> changes = changes(header);
        if (changes == null) return null;
        Map<String, String> out = new LinkedHashMap<>(header);
        out.putAll(changes);
        return out;
    }
}
