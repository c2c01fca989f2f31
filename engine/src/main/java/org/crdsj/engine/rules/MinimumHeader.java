package org.crdsj.engine.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CRDS's minimum header for a list of required keys: each key's value taken from the header under
 * its lower-case spelling, else its upper-case one, else {@code UNDEFINED}. The spellings are
 * computed once, not per dataset.
 */
public final class MinimumHeader {
    private final String[] keys;
    private final String[] lower;
    private final String[] upper;
    private final Map<String, String> aliases = new HashMap<>();   // META_X_Y -> META.X.Y

    public MinimumHeader(List<String> requiredKeys) {
        this.keys = requiredKeys.toArray(String[]::new);
        this.lower = new String[keys.length];
        this.upper = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            lower[i] = keys[i].toLowerCase(Locale.ROOT);
            upper[i] = keys[i].toUpperCase(Locale.ROOT);
            if (keys[i].indexOf('.') >= 0) aliases.put(keys[i].replace('.', '_'), keys[i]);
        }
    }

    /**
     * Expression variables of a header made by {@link #of}: its keys, plus {@code META_X_Y} for
     * each dotted key (known in advance, so no scan per dataset).
     */
    public java.util.function.Function<String, String> variables(Map<String, String> minimized) {
        if (aliases.isEmpty()) return minimized::get;
        return name -> {
            String dotted = aliases.get(name);
            return minimized.get(dotted != null ? dotted : name);
        };
    }

    /**
     * The minimum header, then conditioned (CRDS's rmap-level bestrefs: minimise first, condition
     * second): keys upper-cased, values conditioned, in one pass.
     */
    public Map<String, String> ofConditioned(Map<String, String> header) {
        Map<String, String> out = new LinkedHashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            String v = header.get(lower[i]);
            if (v == null) v = header.get(upper[i]);
            out.put(upper[i], org.crdsj.engine.values.Conditioning.conditionValue(v == null ? "UNDEFINED" : v));
        }
        return out;
    }

    /** The minimum header of {@code header}, in required-key order. */
    public Map<String, String> of(Map<String, String> header) {
        Map<String, String> out = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            String v = header.get(lower[i]);
            if (v == null) v = header.get(upper[i]);
            out.put(keys[i], v == null ? "UNDEFINED" : v);
        }
        return out;
    }
}
