package org.crdsj.engine.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final MatchKeyTable keyTable;

    public SelectorBuilder(List<List<String>> parkeyLevels, SelectorSettings settings) {
        this(parkeyLevels, settings, null);
    }

    /**
     * A builder whose selectors number their parameters in {@code keywords}, so they read the
     * {@link org.crdsj.engine.values.SlottedHeader}s of that space without hashing (null: plain maps).
     */
    public SelectorBuilder(List<List<String>> parkeyLevels, SelectorSettings settings,
                           org.crdsj.engine.values.KeywordSpace keywords) {
        this(parkeyLevels, settings, keywords, new MatchKeyTable());
    }

    /**
     * As {@link #SelectorBuilder(List, SelectorSettings, org.crdsj.engine.values.KeywordSpace)},
     * sharing {@code keyTable} with the other builders of the same load, so each distinct Match
     * key element is conditioned and compiled once per load.
     */
    public SelectorBuilder(List<List<String>> parkeyLevels, SelectorSettings settings,
                           org.crdsj.engine.values.KeywordSpace keywords, MatchKeyTable keyTable) {
        this.keywords = keywords;
        this.keyTable = keyTable;
        this.parkeyLevels = List.copyOf(parkeyLevels);
        this.settings = settings;
        // (plain loops, no lambdas: one builder per rmap, in a cold JVM)
        Map<String, Map<String, String>> subs = new LinkedHashMap<>();
        for (Map.Entry<String, Map<PythonKey, Value>> param : settings.substitutions().entrySet()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<PythonKey, Value> kv : param.getValue().entrySet()) {
                if (kv.getKey().value() instanceof Value.Str ks && kv.getValue() instanceof Value.Str vs) {
                    m.put(ks.value(), vs.value());
                }
            }
            subs.put(param.getKey(), Map.copyOf(m));
        }
        this.stringSubstitutions = Map.copyOf(subs);
    }

    /**
     * Numbers, in {@code keywords}, the parameters of every selector of a tree built with no
     * keyword space (children first, as building numbers them), so the tree reads
     * {@link org.crdsj.engine.values.SlottedHeader}s of that space. Call before the tree is shared.
     */
    public static void bind(Selector root, org.crdsj.engine.values.KeywordSpace keywords) {
        if (keywords == null) return;
        for (Selection s : root.selections()) bindChoice(s.choice(), keywords);
        if (root instanceof BaseSelector b) b.bind(keywords);
    }

    private static void bindChoice(Choice c, org.crdsj.engine.values.KeywordSpace keywords) {
        if (c instanceof Choice.Nested n) {
            bind(n.selector(), keywords);
        } else if (c instanceof Choice.Several s) {
            for (Choice item : s.items()) bindChoice(item, keywords);
        }
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
        // UseAfter dates written in strictly ascending order (as CRDS writes them) can hold no
        // repeated key: their dict items are the entries as written, already packed and sorted.
        long[] packed = call.selector().equals("UseAfter") ? ascendingDates(call.selections().entries()) : null;
        List<Value.Entry> items = packed != null ? call.selections().entries() : PythonKey.dictItems(call.selections());
        List<Value.Entry> entries = substitute(params, items, written);
        if (entries != items) packed = null;
        switch (call.selector()) {
            case "Match": return buildMatch(call, params, entries, written, depth);
            case "UseAfter": {
                boolean known = packed != null;
                if (!known) packed = new long[entries.size()];
                return new UseAfterSelector(params, stringKeyed(call, entries, written, depth, packed, known), packed);
            }
            case "ClosestTime": return new ClosestTimeSelector(params, stringKeyed(call, entries, written, depth, null, false));
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
        boolean applies = false;
        for (int which = 0; which < params.size() && !applies; which++) {
            applies = settings.substitutions().containsKey(params.get(which));
        }
        if (!applies) return entries;      // the common case: no table for these parameters
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

    /** One Match case: its conditioned key (elements by column, compiled) and the entry it came from. */
    private static final class Case {
        final MatchKeyTable.Element[] compiled;
        final String[] elements;
        final List<String> key;
        final Value.Entry entry;

        Case(MatchKeyTable.Element[] compiled, Value.Entry entry) {
            this.compiled = compiled;
            this.elements = new String[compiled.length];
            for (int i = 0; i < compiled.length; i++) elements[i] = compiled[i].key;
            this.key = List.of(elements);
            this.entry = entry;
        }
    }

    /** Cases in Python's order of their conditioned key tuples (a class, not a lambda: start-up). */
    private static final class CaseOrder implements Comparator<Case> {
        static final CaseOrder INSTANCE = new CaseOrder();

        @Override
        public int compare(Case a, Case b) {
            String[] x = a.elements, y = b.elements;
            int n = Math.min(x.length, y.length);
            for (int i = 0; i < n; i++) {
                if (x[i] == y[i]) continue;        // interned by the key table: the common case
                int c = CodePointOrder.compare(x[i], y[i]);
                if (c != 0) return c;
            }
            return Integer.compare(x.length, y.length);
        }
    }

    private Selector buildMatch(Value.Call call, List<String> params, List<Value.Entry> entries,
                                Map<Value.Entry, Value> written, int depth) {
        int count = entries.size();
        Case[] cases = new Case[count];
        Set<List<String>> seen = new HashSet<>(count * 2);
        for (int k = 0; k < count; k++) {
            Value.Entry e = entries.get(k);
            Case c = new Case(conditionedElements(e.key()), e);
            if (!seen.add(c.key)) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(),
                        "Key " + PythonRepr.tuple(c.key) + " appears more than once ");
            }
            cases[k] = c;
        }
        if (!inOrder(cases)) Arrays.sort(cases, CaseOrder.INSTANCE);   // stable, as CRDS's sort

        int np = params.size();
        MatchSelector.ValidValues[] valid = new MatchSelector.ValidValues[np];
        for (int i = 0; i < np; i++) {
            Set<String> values = new HashSet<>();
            boolean unchecked = false;
            for (Case c : cases) {
                if (c.elements.length != np) throw wrongLength(c.entry.key().pos(), c.key, params);
                MatchKeyTable.Element element = c.compiled[i];
                if (element.esoteric) { unchecked = true; break; }
                values.addAll(element.globs);
            }
            String[] sorted = unchecked ? new String[0] : values.toArray(new String[0]);
            Arrays.sort(sorted, CodePointOrder.STRINGS);
            valid[i] = new MatchSelector.ValidValues(Arrays.asList(sorted));
        }
        if (np == 0) {
            for (Case c : cases) {
                if (c.elements.length != 0) throw wrongLength(c.entry.key().pos(), c.key, params);
            }
        }
        List<Selection> selections = new ArrayList<>(count);
        Matcher[][] matchers = new Matcher[count][];
        for (int e = 0; e < count; e++) {
            Case c = cases[e];
            Matcher[] row = new Matcher[np];
            for (int i = 0; i < np; i++) {
                try {
                    row[i] = c.compiled[i].matcher();
                } catch (InvalidMatchKeyException ex) {
                    throw new RulesException(Kind.STRUCTURE, c.entry.key().pos(), ex.getMessage());
                }
            }
            matchers[e] = row;
            Value rawKey = written.isEmpty() ? c.entry.key() : written.getOrDefault(c.entry, c.entry.key());
            selections.add(new Selection(c.key, rawKey, choice(c.entry.value(), depth)));
        }
        return new MatchSelector(params, selections, matchers, valid, settings.mergeOverlaps(), stringSubstitutions,
                settings.rememberPlans() ? MatchSelector.MAX_PLANS : 0);
    }

    private static boolean inOrder(Case[] cases) {
        for (int k = 1; k < cases.length; k++) {
            if (CaseOrder.INSTANCE.compare(cases[k - 1], cases[k]) > 0) return false;
        }
        return true;
    }

    private static RulesException wrongLength(SourcePos pos, List<String> key, List<String> params) {
        return new RulesException(Kind.STRUCTURE, pos,
                "Match key=" + PythonRepr.tuple(key) + " is wrong length for parameters " + PythonRepr.tuple(params));
    }

    /** The conditioned, compiled elements of a Match key, each through this load's {@link MatchKeyTable}. */
    private MatchKeyTable.Element[] conditionedElements(Value key) {
        if (key instanceof Value.Tuple t) {
            List<Value> items = t.items();
            MatchKeyTable.Element[] out = new MatchKeyTable.Element[items.size()];
            for (int i = 0; i < out.length; i++) out[i] = keyTable.of(items.get(i));
            return out;
        }
        return new MatchKeyTable.Element[] {keyTable.of(key)};
    }

    // ---------------------------------------------------------------- the others

    /**
     * The entries of a date-keyed selector in key order. With {@code packed}, also each key as
     * {@link LookupDates#packedSeconds} gives it (-1 unless exactly {@code YYYY-MM-DD HH:MM:SS}),
     * in the same order: UseAfter keeps them, and they order such keys as their text does.
     */
    private List<Selection> stringKeyed(Value.Call call, List<Value.Entry> entries, Map<Value.Entry, Value> written,
                                        int depth, long[] packed, boolean packedKnown) {
        List<Selection> out = new ArrayList<>(entries.size());
        boolean sorted = true;
        String previous = null;
        long previousPacked = -1;
        for (int k = 0; k < entries.size(); k++) {
            Value.Entry e = entries.get(k);
            if (!(e.key() instanceof Value.Str s)) {
                throw new RulesException(Kind.STRUCTURE, e.key().pos(), call.selector() + " keys must be date strings");
            }
            String key = s.value();
            long p = -1;
            if (packedKnown) {
                p = packed[k];
            } else if (packed != null) {
                p = key.length() == 19 ? LookupDates.packedSeconds(key) : -1;
                packed[k] = p;
            }
            if (previous != null && sorted) {
                int order = p >= 0 && previousPacked >= 0 ? Long.compare(previousPacked, p)
                        : CodePointOrder.compare(previous, key);
                if (order > 0) sorted = false;
            }
            previous = key;
            previousPacked = p;
            Value rawKey = written.isEmpty() ? e.key() : written.getOrDefault(e, e.key());
            out.add(new Selection(key, rawKey, choice(e.value(), depth)));
        }
        if (!sorted) {
            out.sort(StringKeyOrder.INSTANCE);   // rules are usually written in order already
            if (packed != null) {
                for (int k = 0; k < packed.length; k++) {
                    String key = (String) out.get(k).key();
                    packed[k] = key.length() == 19 ? LookupDates.packedSeconds(key) : -1;
                }
            }
        }
        return out;
    }

    /**
     * The keys of {@code entries} packed ({@link LookupDates#packedSeconds}) when every key is a
     * {@code YYYY-MM-DD HH:MM:SS} string and each is later than the one before (so no two are
     * equal and they are in CRDS's order); else null.
     */
    private static long[] ascendingDates(List<Value.Entry> entries) {
        long[] packed = new long[entries.size()];
        long previous = -1;
        for (int k = 0; k < packed.length; k++) {
            if (!(entries.get(k).key() instanceof Value.Str s) || s.value().length() != 19) return null;
            long p = LookupDates.packedSeconds(s.value());
            if (p <= previous) return null;     // also a key that does not pack (-1)
            packed[k] = previous = p;
        }
        return packed;
    }

    /** Selections in Python's order of their string keys (a class, not a lambda: start-up). */
    private static final class StringKeyOrder implements Comparator<Selection> {
        static final StringKeyOrder INSTANCE = new StringKeyOrder();

        @Override
        public int compare(Selection a, Selection b) {
            return CodePointOrder.compare((String) a.key(), (String) b.key());
        }
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
        out.sort(StringKeyOrder.INSTANCE);
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
