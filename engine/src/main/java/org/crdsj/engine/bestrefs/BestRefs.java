package org.crdsj.engine.bestrefs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The best references for one dataset header: a result per reference type (lower-case names, in
 * the context's order), or a failure of the whole header (no usable instrument).
 */
public final class BestRefs {
    private final Map<String, Result> results;
    private final Result.NotFound failure;

    private BestRefs(Map<String, Result> results, Result.NotFound failure) {
        this.results = results;
        this.failure = failure;
    }

    public static BestRefs of(Map<String, Result> results) {
        return new BestRefs(Collections.unmodifiableMap(new LinkedHashMap<>(results)), null);
    }

    /** Wraps a map the caller made for this purpose and will not change (no copy). */
    static BestRefs ofOwned(Map<String, Result> results) {
        return new BestRefs(Collections.unmodifiableMap(results), null);
    }

    /** The answer of a context that is one rmap: its one type (Map.of is unmodifiable already). */
    static BestRefs ofSingle(String type, Result result) {
        return new BestRefs(Map.of(type, result), null);
    }

    public static BestRefs failed(Result.NotFound failure) {
        return new BestRefs(Map.of(), failure);
    }

    /** True when the whole header failed (e.g. unknown instrument); {@link #failure()} says why. */
    public boolean isFailed() { return failure != null; }

    public Optional<Result.NotFound> failure() { return Optional.ofNullable(failure); }

    /** Every type's result, omitted types included (as {@link Result.Omitted}). */
    public Map<String, Result> results() { return results; }

    public Result get(String filekind) { return results.get(filekind); }

    /**
     * The dictionary CRDS returns: type to string (or list of strings for several files); omitted
     * types are left out.
     */
    public Map<String, Object> crdsDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        results.forEach((k, r) -> {
            if (!(r instanceof Result.Omitted)) out.put(k, crdsValue(r));
        });
        return out;
    }

    /** CRDS's value for one result: a string, a list for several, null when omitted. */
    public static Object crdsValue(Result r) {
        if (r instanceof Result.Omitted) return null;
        if (r instanceof Result.Files f) {
            List<Object> items = new ArrayList<>();
            for (Result item : f.items()) items.add(crdsValue(item));
            return items;
        }
        return r.crdsString();
    }
}
