package org.crdsj.engine.rules;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A header seen with a few keys replaced (parkey relevance setting parameters to {@code N/A}),
 * without copying the whole header for every lookup. Read-only.
 */
final class OverriddenHeader extends AbstractMap<String, String> {
    private final Map<String, String> base;
    private final Map<String, String> overrides;
    private Map<String, String> merged;

    OverriddenHeader(Map<String, String> base, Map<String, String> overrides) {
        this.base = base;
        this.overrides = overrides;
    }

    @Override
    public String get(Object key) {
        String v = overrides.get(key);
        return v != null ? v : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return overrides.containsKey(key) || base.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (merged == null) {
            Map<String, String> m = new LinkedHashMap<>(base);
            m.putAll(overrides);
            merged = java.util.Collections.unmodifiableMap(m);
        }
        return merged.entrySet();
    }
}
