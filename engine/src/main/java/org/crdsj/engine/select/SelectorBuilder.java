package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crdsj.engine.rules.PythonKey;
import org.crdsj.engine.rules.RulesException;
import org.crdsj.engine.rules.RulesException.Kind;
import org.crdsj.engine.select.match.InvalidMatchKeyException;
import org.crdsj.engine.select.match.MatchKeys;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.Matchers;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.Conditioning;
import org.crdsj.engine.values.PythonFloat;
import org.crdsj.engine.values.PythonRepr;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;

/**
 * Compiles a parsed selector call into an immutable {@link Selector} tree. Level {@code d} of the
 * rmap's {@code parkey} gives the parameters of every selector nested {@code d} deep.
 */
public final class SelectorBuilder {
    private final List<List<String>> parkeyLevels;
    private final SelectorSettings settings;
    private final Map<String, Map<String, String>> stringSubstitutions;
    private final org.crdsj.engine.values.KeywordSpace keywords;   // null: selectors read plain maps

    public SelectorBuilder(List<List<String>> parkeyLevels, SelectorSettings settings) {
        this(parkeyLevels, settings, null);
    }

    /**
     * A builder whose selectors number their parameters in {@code keywords}, so they read the
     * {@link org.crdsj.engine.values.SlottedHeader}s of that space without hashing (null: plain maps).
     */
    public SelectorBuilder(List<List<String>> parkeyLevels, SelectorSettings settings,
                           org.crdsj.engine.values.KeywordSpace keywords) {
        this.keywords = keywords;
        this.parkeyLevels = List.copyOf(parkeyLevels);
        this.settings = settings;
        Map<String, Map<String, String>> subs = new LinkedHashMap<>();
        settings.substitutions().forEach((param, table) -> {
            Map<String, String> m = new LinkedHashMap<>();
            table.forEach((k, v) -> {
                if (k.value() instanceof Value.Str ks && v instanceof Value.Str vs) m.put(ks.value(), vs.value());
            });
            subs.put(param, Map.copyOf(m));
        });
        this.stringSubstitutions = Map.copyOf(subs);
    }

    /** Builds the selector tree rooted at {@code call}. */
    public Selector build(Value.Call call) {
        return build(call, 0);
    }

    private Selector build(Value.Call call, int depth) {
        Selector s = buildUnbound(call, depth);
        if (s instanceof BaseSelector b) b.bind(keywords);
        return s;
    }

    private Selector buildUnbound(Value.Call call, int depth) {
        if (depth >= parkeyLevels.size()) {
            throw new RulesException(Kind.STRUCTURE, call.pos(),
                    call.selector() + " is nested " + (depth + 1) + " deep but parkey has only "
                            + parkeyLevels.size() + " level(s)");
        }
        List<String> params = parkeyLevels.get(depth);
        Map<Value.Entry, Value> written = new java.util.IdentityHashMap<>();
        List<Value.Entry> entries = substitute(params, PythonKey.dictItems(call.selections()), written);
        switch (call.selector()) {
            case "Match": return buildMatch(call, params, entries, written, depth);
            case "UseAfter": return new UseAfterSelector(params, stringKeyed(call, entries, written, depth));
            case "ClosestTime": return new ClosestTimeSelector(params, stringKeyed(call, entries, written, depth));
            case "VersionAfter": return buildVersionAfter(call, params, entries, depth);
            case "GeometricallyNearest": return buildNearest(call, params, entries, depth);
            case "Bracket": return buildBracket(call, params, entries, depth);
            case "SelectVersion": return buildSelectVersion(call, params, entries, depth);
            default:
                throw new RulesException(Kind.SYNTAX, call.pos(), "unknown selector '" + call.selector() + "'");
        }
    }

    // ---------------------------------------------------------------- choices

    private Choice choice(Value v, int depth) {
        if (v instanceof Value.Str s) return new Choice.Terminal(s.value());
        if (v instanceof Value.Call c) return new Choice.Nested(build(c, depth + 1));
        if (v instanceof Value.Tuple t) {
            List<Choice> items = new ArrayList<>();
            for (Value item : t.items()) items.add(choice(item, depth));
            return new Choice.Several(items);
        }
        throw new RulesException(Kind.STRUCTURE, v.pos(),
                "a choice must be a file name, a tuple of names or a nested selector");
    }

    // ---------------------------------------------------------------- substitutions

    /**
     * Rewrites key elements with the header's {@code substitutions}, as CRDS does at load time.
     * Each rewritten entry's key as written in the rules is noted in {@code written} (CRDS keeps
     * those "raw" keys too: differences and rewriting show them).
     */
    private List<Value.Entry> substitute(List<String> params, List<Value.Entry> entries, Map<Value.Entry, Value> written) {
        LinkedHashMap<PythonKey, Value.Entry> dict = new LinkedHashMap<>();
        for (Value.Entry e : entries) dict.put(new PythonKey(e.key()), e);
        boolean changed = false;
        for (int which = 0; which < params.size(); which++) {
            Map<PythonKey, Value> table = settings.substitutions().get(params.get(which));
            if (table == null) continue;
            for (PythonKey k : new ArrayList<>(dict.keySet())) {
                Value key = k.value();
                Value replacement;
                Value newKey;
                if (key instanceof Value.Tuple t) {
                    if (which >= t.items().size()) continue;
                    replacement = table.get(new PythonKey(t.items().get(which)));
                    if (replacement == null) continue;
                    List<Value> items = new ArrayList<>(t.items());
                    items.set(which, asTuple(replacement));
                    newKey = new Value.Tuple(items, t.pos());
                } else {
                    replacement = table.get(k);
                    if (replacement == null) continue;
                    newKey = asTuple(replacement);
                }
                Value.Entry old = dict.remove(k);
                if (old == null) continue;
                Value.Entry replaced = new Value.Entry(newKey, old.value());
                written.put(replaced, written.getOrDefault(old, old.key()));
                dict.put(new PythonKey(newKey), replaced);
                changed = true;
            }
        }
        if (!changed) return entries;
        List<Value.Entry> out = new ArrayList<>(dict.values());
        return out;
    }

    private static Value asTuple(Value v) {
        return v instanceof Value.ListVal l ? new Value.Tuple(l.items(), l.pos()) : v;
    }

    // ---------------------------------------------------------------- Match

    private Selector buildMatch(Value.Call call, List<String> params, List<Value.Entry> entries,
                                Map<Value.Entry, Value> written, int depth) {
        record Conditioned(List<String> key, Value.Entry entry) {}
        List<Conditioned> conditioned = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (Value.Entry e : entries) {
            List<String> key = conditionMatchKey(e.key());
            if (!seen.add(key)) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(),
                        "Key " + PythonRepr.tuple(key) + " appears more than once ");
            }
            conditioned.add(new Conditioned(key, e));
        }
        conditioned.sort(Comparator.comparing(Conditioned::key, CodePointOrder.TUPLES));

        int np = params.size();
        MatchSelector.ValidValues[] valid = new MatchSelector.ValidValues[np];
        for (int i = 0; i < np; i++) {
            Set<String> values = new TreeSet<>(CodePointOrder.STRINGS);
            boolean unchecked = false;
            for (Conditioned c : conditioned) {
                if (c.key().size() != np) throw wrongLength(c.entry().key().pos(), c.key(), params);
                String element = c.key().get(i);
                if (MatchKeys.isEsoteric(element)) { unchecked = true; break; }
                values.addAll(MatchKeys.globList(element));
            }
            valid[i] = new MatchSelector.ValidValues(unchecked ? List.of() : new ArrayList<>(values));
        }
        if (np == 0) {
            for (Conditioned c : conditioned) {
                if (!c.key().isEmpty()) throw wrongLength(c.entry().key().pos(), c.key(), params);
            }
        }
        List<Selection> selections = new ArrayList<>();
        Matcher[][] matchers = new Matcher[conditioned.size()][];
        for (int e = 0; e < conditioned.size(); e++) {
            Conditioned c = conditioned.get(e);
            Matcher[] row = new Matcher[np];
            for (int i = 0; i < np; i++) {
                try {
                    row[i] = Matchers.forKey(c.key().get(i));
                } catch (InvalidMatchKeyException ex) {
                    throw new RulesException(Kind.STRUCTURE, c.entry().key().pos(), ex.getMessage());
                }
            }
            matchers[e] = row;
            Value rawKey = written.getOrDefault(c.entry(), c.entry().key());
            selections.add(new Selection(List.copyOf(c.key()), rawKey, choice(c.entry().value(), depth)));
        }
        return new MatchSelector(params, selections, matchers, valid, settings.mergeOverlaps(), stringSubstitutions,
                settings.rememberPlans() ? MatchSelector.MAX_PLANS : 0);
    }

    private static RulesException wrongLength(SourcePos pos, List<String> key, List<String> params) {
        return new RulesException(Kind.STRUCTURE, pos,
                "Match key=" + PythonRepr.tuple(key) + " is wrong length for parameters " + PythonRepr.tuple(params));
    }

    /** CRDS's conditioning of a Match key: a plain value is a 1-tuple; each element is normalised. */
    public static List<String> conditionMatchKey(Value key) {
        List<String> out = new ArrayList<>();
        if (key instanceof Value.Tuple t) {
            for (Value v : t.items()) out.add(conditionMatchElement(v));
        } else {
            out.add(conditionMatchElement(key));
        }
        return out;
    }

    static String conditionMatchElement(Value v) {
        if (v instanceof Value.Str s) {
            String e = s.value();
            if ((e.startsWith("{") && e.endsWith("}")) || (e.startsWith("(") && e.endsWith(")"))) return e;
            if (e.contains("|")) {
                List<String> parts = new ArrayList<>();
                for (String p : MatchKeys.globList(e)) parts.add(Conditioning.conditionValue(p));
                return String.join("|", parts);
            }
            return Conditioning.conditionValue(MatchKeys.globCompress(e));
        }
        if (v instanceof Value.Tuple || v instanceof Value.ListVal) {
            List<Value> items = v instanceof Value.Tuple t ? t.items() : ((Value.ListVal) v).items();
            List<String> parts = new ArrayList<>();
            for (Value item : items) parts.add(Conditioning.conditionValue(item));
            return String.join("|", parts);
        }
        return Conditioning.conditionValue(v);
    }

    // ---------------------------------------------------------------- the others

    private List<Selection> stringKeyed(Value.Call call, List<Value.Entry> entries, Map<Value.Entry, Value> written,
                                        int depth) {
        List<Selection> out = new ArrayList<>();
        for (Value.Entry e : entries) {
            if (!(e.key() instanceof Value.Str s)) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(), call.selector() + " keys must be date strings");
            }
            out.add(new Selection(s.value(), written.getOrDefault(e, e.key()), choice(e.value(), depth)));
        }
        out.sort(Comparator.comparing(sel -> (String) sel.key(), CodePointOrder.STRINGS));
        return out;
    }

    private Selector buildVersionAfter(Value.Call call, List<String> params, List<Value.Entry> entries, int depth) {
        List<Selection> out = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        for (Value.Entry e : entries) {
            int[] triple = e.key() instanceof Value.Str s ? VersionAfterSelector.parseVersion(s.value()) : null;
            if (triple == null) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(), "Invalid version string " + pyRepr(e.key()));
            }
            if (!seen.add(List.of(triple[0], triple[1], triple[2]))) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(),
                        "Key " + VersionAfterSelector.triple(triple) + " appears more than once ");
            }
            out.add(new Selection(triple, e.key(), choice(e.value(), depth)));
        }
        // CRDS sorts the (int triple, choice) pairs themselves, so numerically: 1.2 before 1.10.
        out.sort((a, b) -> VersionAfterSelector.compareTriples((int[]) a.key(), (int[]) b.key()));
        return new VersionAfterSelector(params, out);
    }

    private Selector buildNearest(Value.Call call, List<String> params, List<Value.Entry> entries, int depth) {
        List<Selection> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Value.Entry e : entries) {
            String key = Conditioning.conditionValue(e.key());
            if (!seen.add(key)) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(), "Key " + PythonRepr.str(key) + " appears more than once ");
            }
            out.add(new Selection(key, e.key(), choice(e.value(), depth)));
        }
        out.sort(Comparator.comparing(sel -> (String) sel.key(), CodePointOrder.STRINGS));
        return new GeometricallyNearestSelector(params, out);
    }

    private Selector buildBracket(Value.Call call, List<String> params, List<Value.Entry> entries, int depth) {
        record Keyed(String text, Selection sel) {}
        List<Keyed> keyed = new ArrayList<>();
        for (Value.Entry e : entries) {
            double d;
            String text;
            if (e.key() instanceof Value.Int i) { d = i.value().doubleValue(); text = i.value().toString(); }
            else if (e.key() instanceof Value.Flt f) { d = f.value(); text = PythonFloat.repr(f.value()); }
            else throw new RulesException(Kind.STRUCTURE, e.key().pos(), "Bracket keys must be numbers");
            keyed.add(new Keyed(text, new Selection(d, e.key(), choice(e.value(), depth))));
        }
        // CRDS sorts the raw (number, choice) pairs, so numerically: 3 before 10.0.
        keyed.sort(Comparator.comparing(k -> (Double) k.sel().key()));
        List<Selection> out = new ArrayList<>();
        for (Keyed k : keyed) out.add(k.sel());
        return new BracketSelector(params, out);
    }

    private Selector buildSelectVersion(Value.Call call, List<String> params, List<Value.Entry> entries, int depth) {
        List<Selection> out = new ArrayList<>();
        for (Value.Entry e : entries) {
            SelectVersionSelector.VersionRelation r =
                    e.key() instanceof Value.Str s ? SelectVersionSelector.VersionRelation.parse(s.value()) : null;
            if (r == null) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(), "Invalid version relation " + pyRepr(e.key()));
            }
            out.add(new Selection(r, e.key(), choice(e.value(), depth)));
        }
        out.sort((a, b) -> ((SelectVersionSelector.VersionRelation) a.key())
                .compareTo((SelectVersionSelector.VersionRelation) b.key()));
        return new SelectVersionSelector(params, out);
    }

    private static String pyRepr(Value v) {
        return v instanceof Value.Str s ? PythonRepr.str(s.value()) : org.crdsj.grammar.SyntaxPrinter.print(v);
    }

}
