package org.crdsj.engine.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.diff.DiffStep;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.SelectionPath;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.values.CodePointOrder;
import org.crdsj.engine.values.Conditioning;

/**
 * {@code crds diff OLD NEW --datasets STORE} (a crds-j extension): how many datasets of a store
 * change best reference between two mappings, and which rules difference each change belongs to.
 *
 * <p>The moves come from the same comparison {@code crds bestrefs --old-context --new-context}
 * runs ({@link ContextComparison} for two pmaps; for two imaps or rmaps the store's datasets of
 * that instrument are looked up in them directly and judged by {@link DatasetComparison}).
 *
 * <p>Attribution is by the way each lookup went. For a dataset whose reference of instrument I and
 * type T moved, its lookup is traced ({@link ReferenceMapping#trace}) in the old rmap of I and T
 * and in the new one: per selector level, the keys of the entries taken, named as differences name
 * them ({@link DiffStep.Key#of}; several at a level after a merged Match tie). A difference of I
 * and T inside the rmap explains the move when its selector keys ({@link Difference#selectorKeys})
 * lead, level by level, along the old or the new way, i.e. are a prefix of it: the changed,
 * added or deleted Match case or UseAfter entry is one the lookup passed through. The deepest
 * such difference takes the move; among equally deep ones the first in print order (possible only
 * when the old and the new way each pass through a changed place at the same depth, or one way
 * took several entries at a level, a Match tie or a Bracket, and several of them changed). A move no difference inside the rmap explains goes to the imap's change of that
 * type's selection ({@code replaced 'x.rmap' with N/A}, an rmap replaced as a whole whose header
 * change moves datasets, ...); failing that it is "other". The per-type totals do not depend on
 * the attribution.
 */
public final class DifferenceDatasets {

    /** Datasets moved and how, {@code "old -> new"} (lower case) to count, sorted by transition. */
    public record Moves(long total, Map<String, Long> transitions) {
        public Moves {
            transitions = Collections.unmodifiableMap(new TreeMap<>(transitions));
        }

        /** {@code N  (old -> new: n, ...)}, or just {@code 0}. */
        public String format() {
            if (total == 0) return "0";
            StringBuilder sb = new StringBuilder().append(total).append("  (");
            boolean first = true;
            for (Map.Entry<String, Long> e : transitions.entrySet()) {
                if (!first) sb.append(", ");
                sb.append(e.getKey()).append(": ").append(e.getValue());
                first = false;
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Per difference (same order as given): its moves, or null when it is not a selection change
     * or the store has no datasets of its instrument; {@code other}: unclaimed moves keyed
     * {@code "instrument filekind"}.
     */
    public record Attribution(List<Moves> perDifference, Map<String, Moves> other) {
        public Attribution {
            perDifference = Collections.unmodifiableList(new ArrayList<>(perDifference));
            other = Collections.unmodifiableMap(new TreeMap<>(other));
        }
    }

    private DifferenceDatasets() {}

    /**
     * One dataset's move for one type: {@code transition} is {@code "old -> new"} (lower case),
     * {@code oldPath}/{@code newPath} its traced lookups in the old and the new rmap of the type;
     * null when that side looked nothing up in an rmap (N/A or OMIT in the imap, an omitted or
     * irrelevant rmap, no such type).
     */
    public record Move(String dataset, String instrument, String filekind, String transition,
                       SelectionPath oldPath, SelectionPath newPath) {

        /** The keys the old lookup took, per level ({@link DiffStep.Key#along}); empty without a path. */
        public List<Set<DiffStep.Key>> oldWay() {
            return oldPath == null ? List.of() : DiffStep.Key.along(oldPath);
        }

        /** The keys the new lookup took, per level; empty without a path. */
        public List<Set<DiffStep.Key>> newWay() {
            return newPath == null ? List.of() : DiffStep.Key.along(newPath);
        }
    }

    /**
     * The moves between two mappings of the same kind, one per dataset and changed type (instrument
     * and type lower case), in dataset order, each with the ways its two lookups went.
     */
    public static List<Move> moves(Mapping old, Mapping neu, DatasetStore store, int threads) {
        List<Move> out = new ArrayList<>();
        if (old instanceof PipelineContext op && neu instanceof PipelineContext np) {
            record Changed(String dataset, String instrument, Update update) {}
            List<Changed> changed = new ArrayList<>();
            new ContextComparison(new Context(old), new Context(neu), ComparisonOptions.defaults().withThreads(threads))
                    .run(store, new ComparisonListener() {
                        @Override public void update(String dataset, String instrument, Update update) {
                            changed.add(new Changed(dataset, instrument, update));
                        }
                    });
            // Where each moved dataset is in the store: only those are read again, to trace their lookups.
            Map<String, Integer> index = new HashMap<>();
            for (Changed c : changed) index.put(c.dataset(), -1);
            for (int i = 0; i < store.size(); i++) index.replace(store.id(i), -1, i);
            for (Changed c : changed) {
                int i = index.get(c.dataset());
                Map<String, String> header = comparisonHeader(store.header(i), c.instrument(), op);
                out.add(move(c.dataset(), c.instrument(), c.update(), old, neu, header));
            }
            return out;
        }
        String instrument = instrumentOf(neu);
        if (instrument == null || !instrument.equals(instrumentOf(old))) return out;
        Context oc = new Context(old), nc = new Context(neu);
        ComparisonOptions options = ComparisonOptions.defaults().withThreads(1);
        for (DatasetStore.Group g : store.groups()) {
            if (!g.instrument().map(i -> i.equalsIgnoreCase(instrument)).orElse(false)) continue;
            for (int row = 0; row < g.rows(); row++) {
                Map<String, String> header = g.header(row);
                BestRefs a = oc.bestrefs(header), b = nc.bestrefs(header);
                TreeSet<String> typeSet = new TreeSet<>(CodePointOrder.STRINGS);
                a.results().keySet().forEach(t -> typeSet.add(t.toUpperCase(Locale.ROOT)));
                b.results().keySet().forEach(t -> typeSet.add(t.toUpperCase(Locale.ROOT)));
                List<String> types = new ArrayList<>(typeSet);
                String[] ov = new String[types.size()], nv = new String[types.size()];
                for (int i = 0; i < types.size(); i++) {
                    String t = types.get(i).toLowerCase(Locale.ROOT);
                    ov[i] = value(a, t);
                    nv[i] = value(b, t);
                }
                DatasetOutcome o = DatasetComparison.compare(instrument.toUpperCase(Locale.ROOT), types, ov, nv, options);
                if (o.failure() != null) continue;   // as the comparison, a failed dataset moves nowhere
                String id = g.dataset(row) < 0 ? "" : store.id(g.dataset(row));
                for (Update u : o.updates()) out.add(move(id, instrument, u, old, neu, header));
            }
        }
        return out;
    }

    private static Move move(String dataset, String instrument, Update u, Mapping old, Mapping neu,
                             Map<String, String> header) {
        String lower = instrument.toLowerCase(Locale.ROOT), type = u.filekind().toLowerCase(Locale.ROOT);
        return new Move(dataset, lower, type, u.oldReference().toLowerCase(Locale.ROOT) + " -> "
                + u.newReference().toLowerCase(Locale.ROOT), way(old, lower, type, header), way(neu, lower, type, header));
    }

    /**
     * The header the comparison looks a dataset up with: its keywords, INSTRUME and
     * META.INSTRUMENT.NAME set to the instrument, and for Roman every META.* key renamed ROMAN.META.*.
     */
    private static Map<String, String> comparisonHeader(Map<String, String> dataset, String instrument, PipelineContext p) {
        Map<String, String> h = new LinkedHashMap<>(dataset);
        h.put("INSTRUME", instrument);
        h.put("META.INSTRUMENT.NAME", instrument);
        if (p.observatory() != Observatory.ROMAN) return h;
        Map<String, String> renamed = new LinkedHashMap<>();
        h.forEach((k, v) -> renamed.put(ContextComparison.romanKey(k), v));
        return renamed;
    }

    /**
     * The traced lookup of {@code type} in {@code m}'s rmap for it (null: none), for a dataset
     * header as bestrefs receives it (conditioned and minimised the way {@link Context#bestrefs} does).
     */
    private static SelectionPath way(Mapping m, String instrument, String type, Map<String, String> header) {
        SelectionPath path;
        try {
            if (m instanceof ReferenceMapping r) {
                path = r.filekind().equalsIgnoreCase(type) ? r.traceConditioned(header) : null;
            } else {
                Map<String, String> conditioned = Conditioning.conditionedView(header);
                InstrumentContext imap = m instanceof PipelineContext p ? p.imap(instrument) : (InstrumentContext) m;
                ReferenceMapping r = imap.rmap(type);
                String instrumentKey = m instanceof PipelineContext p ? p.instrumentKey() : null;
                path = r == null ? null : r.trace(imap.minimize(conditioned, instrumentKey));
            }
        } catch (LookupFailure f) {
            path = null;    // no imap for the instrument: nothing looked up in an rmap
        }
        return path;
    }

    private static String value(BestRefs refs, String type) {
        if (refs.isFailed()) return refs.failure().get().crdsString();
        Result r = null;
        // an rmap answers under its header's filekind spelling, an imap under lower case
        for (Map.Entry<String, Result> e : refs.results().entrySet()) {
            if (e.getKey().equalsIgnoreCase(type)) r = e.getValue();
        }
        return r == null ? null : ContextComparison.crdsValue(r);
    }

    private static String instrumentOf(Mapping m) {
        if (m instanceof InstrumentContext i) return i.instrument().toLowerCase(Locale.ROOT);
        if (m instanceof ReferenceMapping r) return r.instrument().toLowerCase(Locale.ROOT);
        return null;
    }

    /** The instruments (lower case) the store has datasets of. */
    public static Set<String> instruments(DatasetStore store) {
        Set<String> out = new TreeSet<>();
        for (DatasetStore.Group g : store.groups()) {
            if (g.rows() > 0) g.instrument().ifPresent(i -> out.add(i.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** Attributes {@code moves} (from {@link #moves}) to {@code diffs}; see the class comment. */
    public static Attribution attribute(List<Difference> diffs, List<Move> moves, Set<String> storeInstruments) {
        List<Map<String, Long>> claimed = new ArrayList<>();
        List<List<DiffStep.Key>> places = new ArrayList<>();
        for (Difference d : diffs) {
            claimed.add(isSelection(d, storeInstruments) ? new TreeMap<>() : null);
            places.add(d.selectorKeys());
        }
        Map<String, Map<String, Long>> other = new TreeMap<>();
        for (Move mv : moves) {
            List<List<Set<DiffStep.Key>>> ways = List.of(mv.oldWay(), mv.newWay());
            int owner = -1, depth = -1;
            for (int i = 0; i < diffs.size(); i++) {
                Difference d = diffs.get(i);
                List<DiffStep.Key> at = places.get(i);
                if (claimed.get(i) == null || at == null || at.size() <= depth) continue;
                if (!mv.instrument().equals(low(d.instrument())) || !mv.filekind().equals(low(d.filekind()))) continue;
                if (leadsAlong(at, ways.get(0)) || leadsAlong(at, ways.get(1))) {
                    owner = i;
                    depth = at.size();
                }
            }
            // Then: the imap's own change of that type's selection (an rmap for N/A, OMIT for an rmap, ...).
            for (int i = 0; i < diffs.size() && owner < 0; i++) {
                if (claimed.get(i) != null && mv.instrument().equals(low(diffs.get(i).instrument()))
                        && mv.filekind().equals(imapType(diffs.get(i)))) owner = i;
            }
            Map<String, Long> into = owner >= 0 ? claimed.get(owner)
                    : other.computeIfAbsent(mv.instrument() + " " + mv.filekind(), k -> new TreeMap<>());
            into.merge(mv.transition(), 1L, Long::sum);
        }
        List<Moves> per = new ArrayList<>();
        for (Map<String, Long> m : claimed) per.add(m == null ? null : moves(m));
        Map<String, Moves> others = new LinkedHashMap<>();
        other.forEach((k, m) -> others.put(k, moves(m)));
        return new Attribution(per, others);
    }

    /** Whether the keys {@code at} of a difference are, level by level, among those a lookup took. */
    private static boolean leadsAlong(List<DiffStep.Key> at, List<Set<DiffStep.Key>> way) {
        if (at.size() > way.size()) return false;
        for (int level = 0; level < at.size(); level++) if (!way.get(level).contains(at.get(level))) return false;
        return true;
    }

    private static Moves moves(Map<String, Long> transitions) {
        long total = 0;
        for (long n : transitions.values()) total += n;
        return new Moves(total, transitions);
    }

    private static String low(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /**
     * A change to what a type selects: below an rmap, adding/deleting/replacing a terminal; or in
     * an imap, adding/deleting/replacing the rmap or special value of a type. Not header changes.
     */
    private static boolean isSelection(Difference d, Set<String> storeInstruments) {
        if (d.instrument() == null || d.isHeader()) return false;
        if (d.filekind() == null && imapType(d) == null) return false;
        if (!storeInstruments.contains(low(d.instrument()))) return false;
        String m = d.message();
        return m.startsWith("replaced ") || m.startsWith("added ") || m.startsWith("deleted ");
    }

    /** For a change of an imap's selection of one type (the path ends at an imap pair and a type key): that type. */
    private static String imapType(Difference d) {
        List<DiffStep> steps = d.steps();
        if (d.filekind() != null || steps.size() < 2) return null;
        if (!(steps.get(steps.size() - 2) instanceof DiffStep.MappingPair p) || !"InstrumentContext".equals(p.mappingClass())) return null;
        if (!(steps.get(steps.size() - 1) instanceof DiffStep.Key k) || k.values().size() != 1) return null;
        return low(k.values().get(0));
    }
}
