package org.crdsj.engine.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.diff.DiffStep;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.values.CodePointOrder;

/**
 * {@code crds diff OLD NEW --datasets STORE} (a crds-j extension): how many datasets of a store
 * change best reference between two mappings, and which rules difference each change belongs to.
 *
 * <p>The moves come from the same comparison {@code crds bestrefs --old-context --new-context}
 * runs ({@link ContextComparison} for two pmaps; for two imaps or rmaps the store's datasets of
 * that instrument are looked up in them directly and judged by {@link DatasetComparison}).
 *
 * <p>Attribution is by the files a difference names: a move {@code f -> g} of instrument I and
 * type T belongs to the difference of I and T that says {@code replaced 'f' with 'g'}; failing
 * that, to one that adds {@code g} ({@code added Match rule for 'g'}, {@code added terminal 'g'});
 * failing that, to one that deletes {@code f}; failing that, to the imap's change of that type's
 * selection ({@code replaced 'x.rmap' with N/A}). Where several differences qualify at the same
 * tier the first in print order takes it. Moves no difference claims are "other".
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
     * The moves between two mappings of the same kind, instrument → type → {@code "old -> new"} →
     * count, all lower case.
     */
    public static Map<String, Map<String, Map<String, Long>>> moves(Mapping old, Mapping neu, DatasetStore store,
                                                                    int threads) {
        Map<String, Map<String, Map<String, Long>>> out = new TreeMap<>();
        if (old instanceof PipelineContext && neu instanceof PipelineContext) {
            ComparisonReport r = new ContextComparison(new Context(old), new Context(neu),
                    ComparisonOptions.defaults().withThreads(threads)).run(store, new ComparisonListener() {});
            r.summary().forEach((instrument, types) -> types.forEach((type, s) -> {
                if (!s.transitions().isEmpty()) {
                    out.computeIfAbsent(instrument.toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                            .put(type.toLowerCase(Locale.ROOT), new TreeMap<>(s.transitions()));
                }
            }));
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
                for (Update u : o.updates()) {
                    out.computeIfAbsent(instrument, k -> new TreeMap<>())
                            .computeIfAbsent(u.filekind().toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                            .merge(u.oldReference().toLowerCase(Locale.ROOT) + " -> "
                                    + u.newReference().toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
            }
        }
        return out;
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
    public static Attribution attribute(List<Difference> diffs, Map<String, Map<String, Map<String, Long>>> moves,
                                        Set<String> storeInstruments) {
        List<Map<String, Long>> claimed = new ArrayList<>();
        for (int i = 0; i < diffs.size(); i++) claimed.add(isSelection(diffs.get(i), storeInstruments) ? new TreeMap<>() : null);
        Map<String, Map<String, Long>> other = new TreeMap<>();
        moves.forEach((instrument, types) -> types.forEach((type, transitions) -> transitions.forEach((t, n) -> {
            int arrow = t.indexOf(" -> ");
            String from = t.substring(0, arrow), to = t.substring(arrow + 4);
            int owner = -1;
            for (int tier = 0; tier < 3 && owner < 0; tier++) {
                for (int i = 0; i < diffs.size() && owner < 0; i++) {
                    Difference d = diffs.get(i);
                    if (claimed.get(i) == null || !instrument.equals(low(d.instrument())) || !type.equals(low(d.filekind()))) continue;
                    if (claims(d.message(), tier, from, to)) owner = i;
                }
            }
            // Last: the imap's own change of that type's selection (an rmap for N/A, OMIT for an rmap, ...).
            for (int i = 0; i < diffs.size() && owner < 0; i++) {
                if (claimed.get(i) != null && instrument.equals(low(diffs.get(i).instrument()))
                        && type.equals(imapType(diffs.get(i)))) owner = i;
            }
            Map<String, Long> into = owner >= 0 ? claimed.get(owner)
                    : other.computeIfAbsent(instrument + " " + type, k -> new TreeMap<>());
            into.merge(t, n, Long::sum);
        })));
        List<Moves> per = new ArrayList<>();
        for (Map<String, Long> m : claimed) per.add(m == null ? null : moves(m));
        Map<String, Moves> others = new LinkedHashMap<>();
        other.forEach((k, m) -> others.put(k, moves(m)));
        return new Attribution(per, others);
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

    /** Tier 0: replaced from with to; 1: adds to; 2: deletes from. */
    private static boolean claims(String message, int tier, String from, String to) {
        // CRDS quotes the file names in some messages and not in others: compare without quotes.
        String m = message.toLowerCase(Locale.ROOT).replace("'", "");
        return switch (tier) {
            case 0 -> m.equals("replaced " + from + " with " + to);
            case 1 -> m.startsWith("added ") && m.endsWith(" " + to);
            default -> m.startsWith("deleted ") && m.endsWith(" " + from);
        };
    }
}
