package org.crdsj.engine.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.values.PythonRepr;

/**
 * A compiled .imap: for one instrument, the rmap of each reference type, or {@code N/A}/{@code OMIT}
 * for a type that never applies. Type names are looked up case-insensitively (lower-cased).
 */
public final class InstrumentContext implements Mapping {
    private final String name;
    private final MappingHeader header;
    private final Observatory observatory;
    private final String instrument;
    private final Map<String, Object> selections;   // lower-case type -> ReferenceMapping, LazyRmap or special value
    private final List<String> requiredParkeys;
    private final List<String> filekinds;
    private final MinimumHeader ownMinimum;
    private final Map<String, MinimumHeader> withInstrumentKey = new java.util.concurrent.ConcurrentHashMap<>();
    private final String sha1sum;
    private final org.crdsj.engine.values.KeywordSpace space;   // null: plain maps
    private final String[] filekindArray;
    private final Map<String, Integer> filekindIndex;
    private final Object[] selectionArray;     // per filekind: its rmap (a LazyRmap until built), or its fixed result

    InstrumentContext(String name, MappingHeader header, Observatory observatory, String instrument,
                      Map<String, Object> selections, List<String> ownParkeys, String sha1sum) {
        this(name, header, observatory, instrument, selections, ownParkeys, sha1sum, null);
    }

    InstrumentContext(String name, MappingHeader header, Observatory observatory, String instrument,
                      Map<String, Object> selections, List<String> ownParkeys, String sha1sum,
                      org.crdsj.engine.values.KeywordSpace space) {
        this.space = space;
        this.name = name;
        this.header = header;
        this.observatory = observatory;
        this.instrument = instrument;
        this.selections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selections));
        this.sha1sum = sha1sum;
        this.filekinds = List.copyOf(selections.keySet());
        TreeSet<String> keys = new TreeSet<>(org.crdsj.engine.values.CodePointOrder.STRINGS);
        keys.addAll(ownParkeys);
        keys.addAll(header.stringList("extra_keys"));
        for (Object v : selections.values()) {
            if (v instanceof ReferenceMapping r) keys.addAll(r.requiredParkeys());
            else if (v instanceof LazyRmap l) keys.addAll(l.requiredParkeys());
        }
        this.requiredParkeys = List.copyOf(keys);
        this.ownMinimum = new MinimumHeader(requiredParkeys, space);
        this.filekindArray = filekinds.toArray(new String[0]);
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < filekindArray.length; i++) index.put(filekindArray[i], i);
        this.filekindIndex = index;
        this.selectionArray = new Object[filekindArray.length];
        for (int i = 0; i < filekindArray.length; i++) {
            Object v = this.selections.get(filekindArray[i]);
            // A type that is N/A or OMIT has the same result for every dataset: made once.
            selectionArray[i] = v instanceof String ? bestRef(filekindArray[i], v, null, null) : v;
        }
    }

    /**
     * {@link #minimize} of the conditioned form of a header given as
     * {@link org.crdsj.engine.values.KeywordSpace#rawValues} of this context's keyword space.
     */
    public Map<String, String> minimizeRaw(String[] raw, String instrumentKey) {
        return minimumHeader(instrumentKey).ofRaw(raw);
    }

    /** The keyword space of this context's minimum headers, null when it uses plain maps. */
    public org.crdsj.engine.values.KeywordSpace keywordSpace() { return space; }

    /**
     * The minimum header for bestrefs under a pipeline context whose instrument keyword is
     * {@code instrumentKey} (null when this imap is the context): required keys plus that keyword.
     */
    public Map<String, String> minimize(Map<String, String> header, String instrumentKey) {
        return minimumHeader(instrumentKey).of(header);
    }

    private MinimumHeader minimumHeader(String instrumentKey) {
        if (instrumentKey == null) return ownMinimum;
        // The pipeline context's own key, the same String on every call: found without hashing.
        KeyedMinimum last = lastKeyed;
        if (last != null && last.instrumentKey == instrumentKey) return last.minimum;
        MinimumHeader known = withInstrumentKey.get(instrumentKey);
        if (known == null) {
            known = withInstrumentKey.computeIfAbsent(instrumentKey, k -> {
                List<String> keys = new ArrayList<>(requiredParkeys);
                keys.add(k);
                return new MinimumHeader(keys, space);
            });
        }
        lastKeyed = new KeyedMinimum(instrumentKey, known);
        return known;
    }

    private record KeyedMinimum(String instrumentKey, MinimumHeader minimum) {}

    private volatile KeyedMinimum lastKeyed;   // the minimum header last asked for with an instrument key

    /**
     * Best references for a header already cut down by {@link #minimize} with the same
     * {@code instrumentKey}: as {@link #bestRefs}, with the expression variables known in advance.
     */
    public Map<String, Result> bestRefsMinimized(Map<String, String> minimized, String instrumentKey, List<String> types) {
        return bestRefs(minimized, types, minimumHeader(instrumentKey).variables(minimized));
    }

    @Override public String name() { return name; }
    @Override public MappingHeader header() { return header; }
    @Override public MappingKind kind() { return MappingKind.INSTRUMENT; }
    @Override public Observatory observatory() { return observatory; }
    @Override public String sha1sum() { return sha1sum; }

    /** Sorted union of this imap's own parkey, extra keys and every rmap's required parkeys. */
    @Override public List<String> requiredParkeys() { return requiredParkeys; }

    /** The instrument, lower-case as CRDS reads it. */
    public String instrument() { return instrument; }

    /** The reference types in file order, lower-case. */
    public List<String> filekinds() { return filekinds; }

    /** The rmap for a type, or null when the type is N/A, OMIT or unknown. */
    public ReferenceMapping rmap(String filekind) {
        Object v = LazyRmap.resolve(selections.get(filekind.toLowerCase(Locale.ROOT)));
        return v instanceof ReferenceMapping r ? r : null;
    }

    /** The rmap or the special value ({@code N/A}, {@code OMIT}, ...) for a type; null if unknown. */
    public Object selection(String filekind) {
        return LazyRmap.resolve(selections.get(filekind.toLowerCase(Locale.ROOT)));
    }

    /**
     * Best references for {@code header} as given, for {@code types} (all when empty), keyed by
     * lower-case type in request order. Omitted types are present as {@link Result.Omitted}.
     */
    public Map<String, Result> bestRefs(Map<String, String> header, List<String> types) {
        List<String> wanted = types == null || types.isEmpty() ? filekinds() : types;
        return bestRefs(header, wanted, ReferenceMapping.expressionEnv(header));
    }

    private Map<String, Result> bestRefs(Map<String, String> header, List<String> types,
                                         java.util.function.Function<String, String> env) {
        List<String> wanted = types == null || types.isEmpty() ? filekinds() : types;
        if (wanted == filekinds) {
            Result[] results = new Result[filekindArray.length];
            Object[] selected = selectionArray;
            for (int i = 0; i < results.length; i++) {
                Object v = selected[i];
                if (v instanceof LazyRmap l) {
                    // Built now or before: later lookups go straight to it (an immutable object
                    // with final fields, so racing readers see it whole or still see the LazyRmap).
                    v = l.get();
                    selected[i] = v;
                }
                results[i] = bestRef(filekindArray[i], v, header, env);
            }
            return new TypeResults(filekindArray, filekindIndex, results);
        }
        Map<String, Result> out = new LinkedHashMap<>();
        boolean ours = wanted == filekinds;     // already lower-case
        for (String t : wanted) {
            String type = ours ? t : t.toLowerCase(Locale.ROOT);
            out.put(type, bestRef(type, header, env));
        }
        return out;
    }

    private Result bestRef(String type, Map<String, String> header, java.util.function.Function<String, String> env) {
        return bestRef(type, selections.get(type), header, env);
    }

    private Result bestRef(String type, Object v, Map<String, String> header, java.util.function.Function<String, String> env) {
        if (v instanceof Result known) return known;
        if (v == null) {
            return new Result.NotFound(ErrorCategory.OTHER, "CrdsUnknownReftypeError",
                    "Unknown reference type " + PythonRepr.str(type));
        }
        if (v instanceof ReferenceMapping r) return r.bestRef(header, env);
        if (v instanceof LazyRmap l) return l.get().bestRef(header, env);
        String special = (String) v;
        // (StringBuilder, not '+': these are made while loading, where a concatenation's bootstrap shows)
        boolean na = SpecialValues.isNa(special);
        String text = new StringBuilder("Type ").append(PythonRepr.str(type)).append(na ? " is N/A for " : " is OMITTED for ")
                .append(PythonRepr.str(instrument)).toString();
        return na ? new Result.NotApplicable(text) : new Result.Omitted(text);
    }

    /**
     * How many of this context's rmaps are built (an rmap of a context loaded from a compiled
     * context is built on first use); for tests of that laziness.
     */
    int builtRmaps() {
        int n = 0;
        for (Object v : selections.values()) {
            if (v instanceof ReferenceMapping || v instanceof LazyRmap l && l.built()) n++;
        }
        return n;
    }

    /** Every loaded rmap, in file order. */
    public List<ReferenceMapping> rmaps() {
        List<ReferenceMapping> out = new ArrayList<>();
        for (Object v : selections.values()) {
            if (LazyRmap.resolve(v) instanceof ReferenceMapping r) out.add(r);
        }
        return out;
    }
}
