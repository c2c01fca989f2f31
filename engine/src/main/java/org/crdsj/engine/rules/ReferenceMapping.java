package org.crdsj.engine.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.crdsj.engine.bestrefs.ErrorCategory;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.expr.CompiledExpression;
import org.crdsj.engine.expr.ExpressionError;
import org.crdsj.engine.observatory.HeaderHook;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.SelectionPath;
import org.crdsj.engine.select.Selector;

/**
 * A compiled .rmap: the selector tree for one instrument and reference type, plus the header
 * rules around it (omit and relevance expressions, parkey relevance, hooks, {@code reffile_required}).
 * {@link #bestRef} follows CRDS's order of steps exactly: omit, relevance, precondition, parkey
 * relevance, lookup, then on failure the do-not-reprocess rule, the fallback header and
 * {@code reffile_required}.
 */
public final class ReferenceMapping implements Mapping {

    private final String name;
    private final MappingHeader header;
    private final Observatory observatory;
    private final String instrument;
    private final String filekind;
    private final Selector selector;
    private final List<String> requiredParkeys;
    private final MinimumHeader minimumHeader;
    private final ExpressionCheck relevance;   // null: always relevant
    private final ExpressionCheck omit;        // null: never omitted
    private final HeaderHook precondition;
    private final HeaderHook fallback;
    private final String reffileRequired;
    private final String sha1sum;
    // The results whose text never varies, made once (results are immutable values).
    private static final Result OMITTED_BY_EXPRESSION =
            new Result.Omitted("rmap_omit expression indicates this type should be omitted.");
    private static final Result NOT_RELEVANT = new Result.NotApplicable(
            "Rmap does not apply to the given parameter set based on rmap_relevance expression.");
    private static final Result DNR = new Result.NotApplicable("Reference type not required for DNR dataset.");
    private static final Result NOT_REQUIRED = new Result.NotApplicable("No match found and reference type is not required.");
    private static final Result RULES_NA =
            new Result.NotApplicable("Rules define this type as Not Applicable for these observation parameters.");
    private static final Result RULES_OMIT =
            new Result.Omitted("Rules define this type to be Omitted for these observation parameters.");

    // Parkey relevance, in required-parkey order: the parkey and its check (null: a comment parkey).
    // Parkeys whose expressions have the same text share one check, so a lookup evaluates it once.
    private final String[] relevanceKeys;
    private final ExpressionCheck[] relevanceChecks;
    private final Map<String, String>[] naOverrides;   // by bit mask of N/A parkeys, made when first needed (null: too many)
    // The selector once built ({@link #selector()}; a lazy one from a compiled context is
    // otherwise reached through its holder): lookups then call it directly.
    private volatile Selector built;

    ReferenceMapping(String name, MappingHeader header, Observatory observatory, String instrument, String filekind,
                     Selector selector, List<String> requiredParkeys, CompiledExpression relevance,
                     CompiledExpression omit, Map<String, CompiledExpression> parkeyRelevance,
                     HeaderHook precondition, HeaderHook fallback, String reffileRequired, String sha1sum) {
        this(name, header, observatory, instrument, filekind, selector, requiredParkeys, relevance, omit, parkeyRelevance,
                precondition, fallback, reffileRequired, sha1sum, null);
    }

    ReferenceMapping(String name, MappingHeader header, Observatory observatory, String instrument, String filekind,
                     Selector selector, List<String> requiredParkeys, CompiledExpression relevance,
                     CompiledExpression omit, Map<String, CompiledExpression> parkeyRelevance,
                     HeaderHook precondition, HeaderHook fallback, String reffileRequired, String sha1sum,
                     org.crdsj.engine.values.KeywordSpace space) {
        this.name = name;
        this.header = header;
        this.observatory = observatory;
        this.instrument = instrument;
        this.filekind = filekind;
        this.selector = selector;
        this.requiredParkeys = List.copyOf(requiredParkeys);
        this.minimumHeader = new MinimumHeader(requiredParkeys, space);
        this.relevance = relevance == null ? null : new ExpressionCheck(relevance, "relevance", java.util.Set.of());
        this.omit = omit == null ? null : new ExpressionCheck(omit, "OMIT", java.util.Set.of());
        this.precondition = precondition;
        this.fallback = fallback;
        this.reffileRequired = reffileRequired;
        this.sha1sum = sha1sum;
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String key : requiredParkeys) {
            names.add(key);
            names.add(key.replace('.', '_'));
        }
        List<String> keys = new ArrayList<>();
        List<ExpressionCheck> checks = new ArrayList<>();
        Map<String, ExpressionCheck> bySource = new HashMap<>();
        for (String key : requiredParkeys) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (parkeyRelevance.containsKey(lower)) {
                CompiledExpression e = parkeyRelevance.get(lower);
                ExpressionCheck check = null;
                if (e != null) {
                    check = bySource.get(e.source());
                    if (check == null) {
                        check = new ExpressionCheck(e, "parkey relevance", names);
                        bySource.put(e.source(), check);
                    }
                }
                keys.add(key);
                checks.add(check);
            }
        }
        this.relevanceKeys = keys.toArray(new String[0]);
        this.relevanceChecks = checks.toArray(new ExpressionCheck[0]);
        @SuppressWarnings("unchecked")
        Map<String, String>[] overrides = relevanceChecks.length <= 6 ? new Map[1 << relevanceChecks.length] : null;
        this.naOverrides = overrides;
    }

    @Override public String name() { return name; }
    @Override public MappingHeader header() { return header; }
    @Override public MappingKind kind() { return MappingKind.REFERENCE; }
    @Override public Observatory observatory() { return observatory; }
    @Override public List<String> requiredParkeys() { return requiredParkeys; }
    @Override public String sha1sum() { return sha1sum; }

    /** The instrument, lower-case as CRDS reads it. */
    public String instrument() { return instrument; }

    /** The reference type, lower-case as CRDS reads it. */
    public String filekind() { return filekind; }

    public Selector selector() {
        Selector s = built;
        if (s == null) built = s = selector instanceof LazySelector l ? l.target() : selector;
        return s;
    }

    /**
     * The best reference for {@code header}, which is used as given (CRDS's {@code get_best_ref}):
     * bestrefs callers minimise and condition it first.
     */
    public Result bestRef(Map<String, String> header) {
        return bestRef(header, expressionEnv(header));
    }

    /** As {@link #bestRef(Map)}, with the expression variables of {@code header} already built. */
    Result bestRef(Map<String, String> header, Function<String, String> env) {
        try {
            if (omit != null && omit.test(header, env, false)) {
                return OMITTED_BY_EXPRESSION;
            }
            if (relevance != null && !relevance.test(header, env, true)) {
                return NOT_RELEVANT;
            }
            Map<String, String> h2 = lookupHeader(header);
            Selector direct = selector();
            Choice choice = direct.select(h2);
            if (choice instanceof Choice.Failed first) {
                if (observatory.doNotReprocess(h2)) {
                    return DNR;
                }
                Map<String, String> second = fallbackHeader(header);
                if (second != null) {
                    try {
                        choice = direct.select(applyParkeyRelevance(minimize(second)));
                    } catch (LookupFailure f) {
                        choice = new Choice.Failed(f);
                    }
                }
                if (choice instanceof Choice.Failed last) {
                    if (reffileRequired.equals("YES") || reffileRequired.equals("NONE")) {
                        return Result.NotFound.of(last.failure());
                    }
                    return NOT_REQUIRED;
                }
            }
            return terminal(choice);
        } catch (LookupFailure f) {
            return Result.NotFound.of(f);
        }
    }

    /**
     * The way {@link #bestRef} goes through the selector for {@code header} (given as bestRef
     * takes it): the same steps before the lookup (omit, relevance, precondition, parkey
     * relevance), then the traced lookup; after a failed lookup, that of the fallback header when
     * bestRef retries with one. Null when the header rules answer without a lookup (omitted, not
     * relevant). Slow; for explaining a few lookups.
     */
    public SelectionPath trace(Map<String, String> header) {
        Function<String, String> env = expressionEnv(header);
        try {
            if (omit != null && omit.test(header, env, false)) return null;
            if (relevance != null && !relevance.test(header, env, true)) return null;
            Map<String, String> h2 = lookupHeader(header);
            SelectionPath path = selector().trace(h2);
            if (path.choice() instanceof Choice.Failed && !observatory.doNotReprocess(h2)) {
                Map<String, String> second = fallbackHeader(header);
                if (second != null) path = selector().trace(applyParkeyRelevance(minimize(second)));
            }
            return path;
        } catch (LookupFailure f) {
            return new SelectionPath(List.of(), new Choice.Failed(f));
        }
    }

    /** The header the selector sees: the precondition hook's changes, then parkey relevance. */
    private Map<String, String> lookupHeader(Map<String, String> header) {
        return applyParkeyRelevance(precondition == null ? header : changed(header, precondition.changes(header)));
    }

    /** The fallback hook's header for a retry after a failed lookup, or null when there is none. */
    private Map<String, String> fallbackHeader(Map<String, String> header) {
        Map<String, String> second = fallback == null ? null : changed(header, fallback.changes(header));
        return second == null || second.isEmpty() ? null : second;
    }

    /** {@link #trace} of the header {@link #bestRefConditioned} looks up. */
    public SelectionPath traceConditioned(Map<String, String> h) {
        return trace(minimumHeader.ofConditioned(h));
    }

    /**
     * {@code header} with a hook's {@code changes} (null: the hook gave no header); the header
     * itself when nothing changes, the same slots when every changed key is present.
     */
    private static Map<String, String> changed(Map<String, String> header, Map<String, String> changes) {
        if (changes == null) return null;
        if (changes.isEmpty()) return header;
        if (header instanceof org.crdsj.engine.values.SlottedHeader s) {
            Map<String, String> replaced = s.with(changes);
            if (replaced != null) return replaced;
        }
        Map<String, String> out = new LinkedHashMap<>(header);
        out.putAll(changes);
        return out;
    }

    /** The header cut down to this rmap's required parkeys (lower-case key first), absent ones UNDEFINED. */
    public Map<String, String> minimize(Map<String, String> h) {
        return minimumHeader.of(h);
    }

    /**
     * CRDS's rmap-level bestrefs ({@code get_best_references} on one rmap): the header minimised to
     * this rmap's keys, then conditioned, then looked up.
     */
    public Result bestRefConditioned(Map<String, String> h) {
        Map<String, String> header = minimumHeader.ofConditioned(h);
        return bestRef(header, expressionEnv(header));
    }

    /** Sets parameters whose parkey_relevance expression is false to N/A. */
    private Map<String, String> applyParkeyRelevance(Map<String, String> h) {
        ExpressionCheck[] checks = relevanceChecks;
        if (checks.length == 0) return h;
        // Variables: the header, with every required parkey that is absent defined as UNDEFINED.
        Function<String, String> env = expressionEnv(h);
        long notRelevant = 0;            // bit i: parkey i is set to N/A (the first 63; beyond, in more)
        Map<String, String> more = null;
        ExpressionCheck last = null;     // the check just evaluated and its truth (shared checks run once)
        boolean lastRelevant = false;
        for (int i = 0; i < checks.length; i++) {
            ExpressionCheck e = checks[i];
            boolean relevant;
            if (e == null) {
                relevant = false;   // comment_parkeys: keep_comments is false during bestrefs
            } else if (e == last) {
                relevant = lastRelevant;
            } else {
                try {
                    relevant = e.isTrue(h, env);
                } catch (ExpressionError err) {
                    throw LookupFailure.other(err.pythonClass(), err.getMessage());
                }
                last = e;
                lastRelevant = relevant;
            }
            if (relevant) continue;
            if (i < 63) {
                notRelevant |= 1L << i;
            } else {
                if (more == null) more = new HashMap<>();
                more.put(relevanceKeys[i], "N/A");
            }
        }
        if (notRelevant == 0 && more == null) return h;
        Map<String, String> out = notApplicable(notRelevant);
        if (more != null) {
            more.putAll(out);
            out = more;
        }
        if (h instanceof org.crdsj.engine.values.SlottedHeader s) {
            Map<String, String> replaced = s.with(out);
            if (replaced != null) return replaced;
        }
        return new OverriddenHeader(h, out);
    }

    /**
     * The overrides setting the parkeys of {@code mask}'s bits to N/A, made once per combination
     * (an rmap has a few relevance parkeys, so a few combinations; racy but safe: immutable maps).
     */
    private Map<String, String> notApplicable(long mask) {
        Map<String, String>[] known = naOverrides;
        int at = known != null && mask < known.length ? (int) mask : -1;
        if (at >= 0 && known[at] != null) return known[at];
        Map<String, String> out = new HashMap<>(4);
        for (int i = 0; i < relevanceKeys.length && i < 63; i++) if ((mask & (1L << i)) != 0) out.put(relevanceKeys[i], "N/A");
        Map<String, String> made = Map.copyOf(out);
        if (at >= 0) known[at] = made;
        return made;
    }

    /** Expression variables: the header plus {@code META_X_Y} aliases for dotted keys. */
    static Function<String, String> expressionEnv(Map<String, String> h) {
        if (h instanceof org.crdsj.engine.values.SlottedHeader s) {
            // Its own variables (resolved per name read, rarely: expression checks read slots and
            // remember their truth); no function object made per lookup.
            return s;
        }
        Map<String, String> aliases = null;
        for (Map.Entry<String, String> e : h.entrySet()) {
            if (e.getKey().indexOf('.') >= 0) {
                if (aliases == null) aliases = new HashMap<>();
                aliases.put(e.getKey().replace('.', '_'), e.getValue());
            }
        }
        if (aliases == null) return h::get;
        Map<String, String> a = aliases;
        return name -> a.containsKey(name) ? a.get(name) : h.get(name);
    }

    private static Result terminal(Choice choice) {
        if (choice instanceof Choice.Terminal t) {
            String v = t.value();
            if (SpecialValues.isNa(v)) {
                return RULES_NA;
            }
            if (SpecialValues.isOmit(v)) {
                return RULES_OMIT;
            }
            return new Result.File(v);
        }
        return several(choice);
    }

    private static Result several(Choice choice) {
        if (choice instanceof Choice.Terminal t) return new Result.File(t.value());
        if (choice instanceof Choice.Failed f) return Result.NotFound.of(f.failure());
        if (choice instanceof Choice.Several s) {
            List<Result> items = new ArrayList<>();
            for (Choice c : s.items()) items.add(several(c));
            return new Result.Files(items);
        }
        return new Result.NotFound(ErrorCategory.OTHER, "TypeError",
                "a tie between a nested selector and a plain value cannot be returned");
    }
}
