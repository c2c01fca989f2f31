package org.crdsj.engine.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.LookupFailure;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.observatory.Observatory;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.values.CodePointOrder;

/**
 * Compares the best references of every dataset of a store under two contexts, as
 * {@code crds bestrefs --old-context A --new-context B} does, with CRDS's exact answers, fast:
 *
 * <ul>
 *   <li>each dataset is looked up only under the keywords its instrument's rules read (the
 *       minimum header), and datasets whose minimum headers are identical are looked up once;</li>
 *   <li>a type whose rmap (name and checksum) or special value is the same in both contexts is
 *       looked up once and used for both sides;</li>
 *   <li>datasets are evaluated in chunks on several threads; results are taken in dataset-id order,
 *       so the log, the counts and the output never depend on the number of threads.</li>
 * </ul>
 *
 * Immutable; {@link #run} may be called repeatedly.
 */
public final class ContextComparison {
    private static final int CHUNK = 8192;
    private static final int CACHE_LIMIT = 200_000;

    private final Context oldContext;
    private final Context newContext;
    private final ComparisonOptions options;

    public ContextComparison(Context oldContext, Context newContext, ComparisonOptions options) {
        if (!(oldContext.mapping() instanceof PipelineContext) || !(newContext.mapping() instanceof PipelineContext)) {
            throw new IllegalArgumentException("comparisons need two pipeline contexts (.pmap)");
        }
        this.oldContext = oldContext;
        this.newContext = newContext;
        this.options = options;
    }

    /** Compares every dataset of {@code store}; {@code listener} receives the log in CRDS's order. */
    public ComparisonReport run(DatasetStore store, ComparisonListener listener) {
        long start = System.nanoTime();
        List<GroupPlan> plans = new ArrayList<>();
        for (DatasetStore.Group g : store.groups()) plans.add(plan(g));
        Aggregator agg = new Aggregator(listener, plans);
        int n = store.size();
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(plans));
        if (options.threads() == 1) {
            Worker w = new Worker(plans);
            for (int from = 0; from < n; from += CHUNK) {
                agg.take(w.chunk(store, from, Math.min(n, from + CHUNK)));
                listener.progress(Math.min(n, from + CHUNK), n);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "crds-compare");
                t.setDaemon(true);
                return t;
            });
            try {
                ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
                int next = 0;
                int ahead = options.threads() * 4;
                while (next < n || !inFlight.isEmpty()) {
                    while (next < n && inFlight.size() < ahead) {
                        int from = next, to = Math.min(n, next + CHUNK);
                        inFlight.add(pool.submit(() -> workers.get().chunk(store, from, to)));
                        next = to;
                    }
                    Chunk c = inFlight.poll().get();
                    agg.take(c);
                    listener.progress(c.to, n);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("comparison interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        return agg.report(System.nanoTime() - start);
    }

    /** What is known about a group before any of its datasets is read: instrument, imaps, types, columns. */
    private GroupPlan plan(DatasetStore.Group group) {
        GroupPlan p = new GroupPlan(group);
        String instrument = group.instrument().orElse(null);
        p.instrument = instrument;
        if (instrument == null) {
            if (options.affectedTypes() != null) p.skip = true;
            else p.loadError = "'No instrument keyword defined in header.'";
            return p;
        }
        String lower = instrument.toLowerCase(Locale.ROOT);
        if (options.affectedTypes() != null && !options.affectedTypes().containsKey(lower)) {
            p.skip = true;
            return p;
        }
        PipelineContext oldP = (PipelineContext) oldContext.mapping(), newP = (PipelineContext) newContext.mapping();
        InstrumentContext newImap, oldImap;
        try {
            newImap = newP.imap(instrument);
            oldImap = oldP.imap(instrument);
        } catch (LookupFailure f) {
            p.processError = f.getMessage();
            return p;
        }
        List<String> newTypes = requested(newImap, lower), oldTypes = requested(oldImap, lower);
        TreeMap<String, String> union = new TreeMap<>(CodePointOrder.STRINGS);   // UPPER -> lower
        for (String t : newTypes) union.put(t.toUpperCase(Locale.ROOT), t);
        for (String t : oldTypes) union.put(t.toUpperCase(Locale.ROOT), t);
        p.types = List.copyOf(union.keySet());
        Set<String> oldKeys = relevantKeys(oldP, oldImap), newKeys = relevantKeys(newP, newImap);
        boolean sameKeys = oldKeys.equals(newKeys);
        List<String> oldEval = new ArrayList<>();
        Set<String> newLower = new HashSet<>(newTypes);
        p.same = new boolean[p.types.size()];
        int i = 0;
        for (String upper : p.types) {
            String t = union.get(upper);
            boolean inOld = oldTypes.contains(t);
            if (inOld && newLower.contains(t) && sameKeys && sameRules(oldImap.selection(t), newImap.selection(t))) {
                p.same[i] = true;
            } else if (inOld) {
                oldEval.add(t);
            }
            i++;
        }
        p.newSide = new Side(newContext, newP, newImap, newKeys, newTypes, p.types, group, instrument);
        p.oldSide = new Side(oldContext, oldP, oldImap, oldKeys, oldEval, p.types, group, instrument);
        for (Side side : List.of(p.newSide, p.oldSide)) {
            String[][] dicts = new String[side.columns.length][];
            for (int c = 0; c < dicts.length; c++) dicts[c] = side.columns[c].dictionary();
            for (TypeEval te : side.types) te.columnsDictionary = dicts;
        }
        return p;
    }

    /** Types CRDS evaluates for an instrument in one context (all of the imap, or the affected ones). */
    private List<String> requested(InstrumentContext imap, String instrumentLower) {
        if (options.affectedTypes() != null) {
            List<String> out = new ArrayList<>();
            for (String t : options.affectedTypes().get(instrumentLower)) out.add(t.toLowerCase(Locale.ROOT));
            return out;
        }
        return imap.filekinds();
    }

    /** The keywords a lookup can read: the imap's required parameters and the instrument keyword. */
    private static Set<String> relevantKeys(PipelineContext p, InstrumentContext imap) {
        Set<String> keys = new HashSet<>();
        for (String k : imap.requiredParkeys()) keys.add(k.toUpperCase(Locale.ROOT));
        keys.add(p.instrumentKey().toUpperCase(Locale.ROOT));
        return keys;
    }

    /** Same rules for a type: the same rmap (name and checksum) or the same special value. */
    private static boolean sameRules(Object a, Object b) {
        if (a instanceof ReferenceMapping ra && b instanceof ReferenceMapping rb) {
            return ra.name().equals(rb.name()) && ra.sha1sum().equals(rb.sha1sum());
        }
        return a != null && a.equals(b);
    }

    /** What is known about one instrument group before any dataset is read. */
    private static final class GroupPlan {
        final DatasetStore.Group group;
        String instrument;
        boolean skip;
        String loadError;
        String processError;
        List<String> types = List.of();
        boolean[] same;
        Side oldSide, newSide;
        final DatasetStore.Column[][] datePairs = new DatasetStore.Column[ExposureTime.PAIRS.length][];

        GroupPlan(DatasetStore.Group group) {
            this.group = group;
            for (int i = 0; i < ExposureTime.PAIRS.length; i++) {
                datePairs[i] = new DatasetStore.Column[] {group.column(ExposureTime.PAIRS[i][0]), group.column(ExposureTime.PAIRS[i][1])};
            }
        }

        /** The date filter on a row, without building the exposure time text. */
        boolean keeps(DatasetsSince since, int row) {
            String cutoff = since.cutoff(instrument);
            for (DatasetStore.Column[] pair : datePairs) {
                if (pair[0] == null || pair[1] == null) continue;
                String d = pair[0].value(row);
                if (d == null) continue;
                String t = pair[1].value(row);
                if (t == null) continue;
                return compareJoined(d, t, cutoff) >= 0;
            }
            return DatasetsSince.MIN_DATE.compareTo(cutoff) >= 0;
        }

        /** {@code (d + " " + t).compareTo(c)} without the concatenation. */
        private static int compareJoined(String d, String t, String c) {
            int n = d.length() + 1 + t.length(), m = c.length();
            for (int i = 0; i < Math.min(n, m); i++) {
                char x = i < d.length() ? d.charAt(i) : i == d.length() ? ' ' : t.charAt(i - d.length() - 1);
                char y = c.charAt(i);
                if (x != y) return x - y;
            }
            return n - m;
        }
    }

    /** One context's lookups for a group: the columns that matter and the types evaluated. */
    private static final class Side {
        final Context context;
        final TypeEval[] types;
        final DatasetStore.Column[] columns;    // relevant columns, group order
        final boolean roman;
        final String instrument;
        final int unionSize;

        Side(Context context, PipelineContext p, InstrumentContext imap, Set<String> relevant, List<String> evalTypes,
             List<String> union, DatasetStore.Group group, String instrument) {
            this.context = context;
            this.roman = p.observatory() == Observatory.ROMAN;
            this.instrument = instrument;
            this.unionSize = union.size();
            List<DatasetStore.Column> cols = new ArrayList<>();
            for (DatasetStore.Column c : group.columns()) {
                String key = roman ? romanKey(c.keyword()) : c.keyword();
                if (relevant.contains(key.toUpperCase(Locale.ROOT)) || isInstrumentOverride(c.keyword())) cols.add(c);
            }
            columns = cols.toArray(DatasetStore.Column[]::new);
            types = new TypeEval[evalTypes.size()];
            for (int i = 0; i < types.length; i++) {
                String t = evalTypes.get(i);
                types[i] = new TypeEval(t, union.indexOf(t.toUpperCase(Locale.ROOT)), imap.selection(t), columns);
            }
            // The parameter tuple shared by the date-bucketed types: every column but their date and time.
            java.util.TreeSet<Integer> dates = new java.util.TreeSet<>();
            for (TypeEval te : types) if (te.buckets != null) { dates.add(te.dateColumn); dates.add(te.timeColumn); }
            List<Integer> tuple = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) if (!dates.contains(i)) tuple.add(i);
            tupleColumns = tuple.stream().mapToInt(Integer::intValue).toArray();
            for (TypeEval te : types) te.usesTuple = te.buckets != null && dates.size() == 2;
        }

        final int[] tupleColumns;

        /** The side's parameter tuple of a dataset (its codes without the date and time). */
        Codes tuple(int[] codes) {
            int[] k = new int[tupleColumns.length];
            for (int i = 0; i < k.length; i++) k[i] = codes[tupleColumns[i]];
            return new Codes(k);
        }

        /**
         * The lookup header CRDS builds: the dataset's keywords (only those that matter), with
         * INSTRUME and META.INSTRUMENT.NAME set to the instrument, then for Roman every META.* key
         * renamed ROMAN.META.*.
         */
        Map<String, String> header(int[] codes) {
            LinkedHashMap<String, String> h = new LinkedHashMap<>(columns.length * 2 + 4);
            for (int i = 0; i < columns.length; i++) {
                if (codes[i] != 0) h.put(columns[i].keyword(), columns[i].dictionary()[codes[i]]);
            }
            h.put("INSTRUME", instrument);
            h.put("META.INSTRUMENT.NAME", instrument);
            if (!roman) return h;
            LinkedHashMap<String, String> renamed = new LinkedHashMap<>(h.size() * 2);
            h.forEach((k, v) -> renamed.put(romanKey(k), v));
            return renamed;
        }

        private static boolean isInstrumentOverride(String keyword) {
            return keyword.equals("INSTRUME") || keyword.equals("META.INSTRUMENT.NAME");
        }
    }

    /**
     * One type of one side: which of the side's columns its answer may depend on, and, when its
     * rmap allows it, date buckets in place of the exact date and time.
     */
    private static final class TypeEval {
        final String type;
        final int position;
        final int[] keyColumns;
        final DateBuckets buckets;
        final int dateColumn, timeColumn;
        final int[] matchColumns;           // per Match parameter its column (-1: absent); null: not narrowed

        TypeEval(String type, int position, Object selection, DatasetStore.Column[] columns) {
            this.type = type;
            this.position = position;
            DateBuckets b = selection instanceof ReferenceMapping r ? DateBuckets.of(r) : null;
            int d = -1, t = -1;
            boolean clash = false;
            if (b != null) {
                for (int i = 0; i < columns.length; i++) {
                    String k = columns[i].keyword();
                    if (k.equals(b.dateKeyword)) d = i;
                    else if (k.equals(b.timeKeyword)) t = i;
                    else if (k.equalsIgnoreCase(b.dateKeyword) || k.equalsIgnoreCase(b.timeKeyword)) clash = true;
                }
                if (d < 0 || t < 0 || clash) b = null;
            }
            this.buckets = b;
            this.dateColumn = b == null ? -1 : d;
            this.timeColumn = b == null ? -1 : t;
            int[] mc = null;
            if (b != null && b.match != null) {
                List<String> params = b.match.parameters();
                mc = new int[params.size()];
                columnsOfParameters:
                for (int p = 0; p < mc.length; p++) {
                    mc[p] = -1;
                    for (int i = 0; i < columns.length; i++) {
                        String k = columns[i].keyword();
                        if (k.equals(params.get(p)) && mc[p] < 0) {
                            mc[p] = i;
                        } else if (k.equalsIgnoreCase(params.get(p))) {
                            mc = null;          // several spellings of one keyword: not narrowed
                            break columnsOfParameters;
                        }
                    }
                }
            }
            this.matchColumns = mc;
            if (selection != null && !(selection instanceof ReferenceMapping)) {
                keyColumns = new int[0];            // N/A, OMIT: the same answer for every dataset
            } else {
                List<Integer> k = new ArrayList<>();
                for (int i = 0; i < columns.length; i++) if (i != dateColumn && i != timeColumn) k.add(i);
                keyColumns = k.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        boolean usesTuple;

        /** The UseAfter dates that can matter for datasets with these codes (see {@link DateBuckets}). */
        String[] breakpointsFor(int[] codes) {
            if (matchColumns == null) return buckets.allBreakpoints();
            String[] values = new String[matchColumns.length];
            for (int p = 0; p < values.length; p++) {
                String v = matchColumns[p] < 0 ? null : value(codes, matchColumns[p]);
                values[p] = org.crdsj.engine.values.Conditioning.conditionValue(v == null ? "UNDEFINED" : v);
            }
            return buckets.breakpoints(values);
        }

        /** The date bucket of a dataset, -1 when it must be looked up by its exact date. */
        int bucket(int[] codes, String[] points) {
            return DateBuckets.bucket(points, value(codes, dateColumn), value(codes, timeColumn));
        }

        /** The full cache key of a dataset (all its codes) for a type looked up by exact values. */
        Codes fullKey(int[] codes) {
            if (buckets == null) {
                int[] k = new int[keyColumns.length];
                for (int i = 0; i < keyColumns.length; i++) k[i] = codes[keyColumns[i]];
                return new Codes(k);
            }
            int[] full = java.util.Arrays.copyOf(codes, codes.length + 1);
            full[codes.length] = -1;
            return new Codes(full);
        }

        private String value(int[] codes, int column) {
            return codes[column] == 0 ? null : columnsDictionary[column][codes[column]];
        }

        String[][] columnsDictionary;   // set by the side after construction
    }

    /** CRDS's {@code dataset_to_ref_header} for Roman: a key whose first dotted part is META gains ROMAN. */
    static String romanKey(String key) {
        int dot = key.indexOf('.');
        String first = dot < 0 ? key : key.substring(0, dot);
        return first.toUpperCase(Locale.ROOT).equals("META") ? "ROMAN." + key : key;
    }

    /** The value in CRDS's result dictionary: a string, null when omitted, MULTIPLE for several files. */
    static String crdsValue(Result r) {
        if (r == null || r instanceof Result.Omitted) return null;
        if (r instanceof Result.Files) return DatasetComparison.MULTIPLE;
        return r.crdsString();
    }

    /** One type's answer for one key: CRDS's value (null: absent), or a failure of the whole header. */
    private record Answer(String value, String failure) {}

    /** Marks a missing answer that belongs to a tuple's date bucket. */
    private static final Codes BUCKETED = new Codes(new int[0]);

    /** What a worker knows about one parameter tuple of a side: per type, its dates and answers by bucket. */
    private static final class TupleState {
        final String[][] breakpoints;
        final Map<Integer, Answer>[] answers;

        @SuppressWarnings("unchecked")
        TupleState(int types) {
            breakpoints = new String[types][];
            answers = new Map[types];
            for (int i = 0; i < types; i++) answers[i] = new HashMap<>(4);
        }
    }

    /** One side's values for a dataset, by union position, or a failure of the whole header. */
    private record Evaluation(String[] values, String failure) {}

    /** An int[] usable as a hash key. */
    private record Codes(int[] codes, int hash) {
        Codes(int[] codes) {
            this(codes, Arrays.hashCode(codes));
        }

        @Override public boolean equals(Object o) { return o instanceof Codes c && c.hash == hash && Arrays.equals(c.codes, codes); }

        @Override public int hashCode() { return hash; }
    }

    /** What a worker hands back for a run of datasets (in id order). */
    private static final class Chunk {
        final int to;
        final List<Item> items = new ArrayList<>();
        long processed;
        final long[][] compared;     // per group, per type

        Chunk(int to, List<GroupPlan> plans) {
            this.to = to;
            compared = new long[plans.size()][];
            for (int g = 0; g < plans.size(); g++) compared[g] = new long[plans.get(g).types.size()];
        }
    }

    /** A dataset with something to report. */
    private record Item(String id, int group, DatasetOutcome outcome, String loadError) {}

    /** One thread's lookups, with its memory of minimum headers already evaluated. */
    private final class Worker {
        private final List<GroupPlan> plans;
        private final List<List<Map<Codes, Answer>>> oldCache = new ArrayList<>(), newCache = new ArrayList<>();
        private final List<Map<Codes, TupleState>> oldTuples = new ArrayList<>(), newTuples = new ArrayList<>();

        Worker(List<GroupPlan> plans) {
            this.plans = plans;
            for (GroupPlan p : plans) {
                oldCache.add(caches(p.oldSide));
                newCache.add(caches(p.newSide));
                oldTuples.add(new HashMap<>());
                newTuples.add(new HashMap<>());
            }
        }

        private List<Map<Codes, Answer>> caches(Side side) {
            List<Map<Codes, Answer>> out = new ArrayList<>();
            if (side != null) for (int i = 0; i < side.types.length; i++) out.add(new HashMap<>());
            return out;
        }

        Chunk chunk(DatasetStore store, int from, int to) {
            Chunk out = new Chunk(to, plans);
            for (int k = from; k < to; k++) {
                int i = store.inIdOrder(k);
                int g = store.groupOf(i).index();
                GroupPlan p = plans.get(g);
                if (p.skip) continue;
                int row = store.rowOf(i);
                if (p.loadError != null) {
                    out.items.add(new Item(store.id(i), g, null, p.loadError));
                    continue;
                }
                if (options.datasetsSince() != null && !p.keeps(options.datasetsSince(), row)) continue;
                out.processed++;
                if (p.processError != null) {
                    out.items.add(new Item(store.id(i), g, DatasetOutcome.failed(p.instrument, List.of(), p.processError, false), null));
                    continue;
                }
                Evaluation neu = lookup(p.newSide, newCache.get(g), newTuples.get(g), row);
                if (neu.failure() != null) {
                    out.items.add(new Item(store.id(i), g, DatasetOutcome.failed(p.instrument, List.of(), neu.failure(), false), null));
                    continue;
                }
                Evaluation old = lookup(p.oldSide, oldCache.get(g), oldTuples.get(g), row);
                if (old.failure() != null) {
                    out.items.add(new Item(store.id(i), g, DatasetOutcome.failed(p.instrument, List.of(), old.failure(), false), null));
                    continue;
                }
                String[] oldValues = old.values().clone();
                for (int t = 0; t < p.same.length; t++) if (p.same[t]) oldValues[t] = neu.values()[t];
                DatasetOutcome o = DatasetComparison.compare(p.instrument, p.types, oldValues, neu.values(), options);
                long[] cmp = out.compared[g];
                for (int t = 0; t < cmp.length; t++) if (oldValues[t] != null || neu.values()[t] != null) cmp[t]++;
                if (!o.errors().isEmpty() || !o.updates().isEmpty() || o.failure() != null || o.killed()) {
                    out.items.add(new Item(store.id(i), g, o, null));
                }
            }
            return out;
        }

        /** One side's values for a dataset: cached answers, the missing ones looked up in one call. */
        private Evaluation lookup(Side side, List<Map<Codes, Answer>> caches, Map<Codes, TupleState> tuples, int row) {
            int[] codes = new int[side.columns.length];
            for (int c = 0; c < codes.length; c++) codes[c] = side.columns[c].code(row);
            String[] values = new String[side.unionSize];
            List<String> missing = null;
            Codes[] keys = null;
            TupleState state = null;
            int[] buckets = null;
            for (int t = 0; t < side.types.length; t++) {
                TypeEval te = side.types[t];
                Codes key = null;
                Answer a;
                int bucket = -1;
                if (te.usesTuple) {
                    if (state == null) {
                        Codes tk = side.tuple(codes);
                        state = tuples.get(tk);
                        if (state == null) {
                            if (tuples.size() >= CACHE_LIMIT) tuples.clear();
                            state = new TupleState(side.types.length);
                            tuples.put(tk, state);
                        }
                    }
                    String[] points = state.breakpoints[t];
                    if (points == null) state.breakpoints[t] = points = te.breakpointsFor(codes);
                    bucket = te.bucket(codes, points);
                }
                if (bucket >= 0) {
                    a = state.answers[t].get(bucket);
                } else {
                    key = te.fullKey(codes);
                    a = caches.get(t).get(key);
                }
                if (a == null && bucket >= 0) {
                    if (buckets == null) {
                        buckets = new int[side.types.length];
                        java.util.Arrays.fill(buckets, -1);
                    }
                    buckets[t] = bucket;
                }
                if (a == null) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                        keys = new Codes[side.types.length];
                    }
                    missing.add(te.type);
                    keys[t] = key;
                    if (bucket >= 0) keys[t] = BUCKETED;
                    continue;
                }
                if (a.failure() != null) return new Evaluation(null, a.failure());
                values[te.position] = a.value();
            }
            if (missing == null) return new Evaluation(values, null);
            BestRefs refs = side.context.bestrefs(side.header(codes), missing);
            String failure = refs.isFailed() ? refs.failure().get().message() : null;
            for (int t = 0; t < side.types.length; t++) {
                if (keys[t] == null) continue;
                TypeEval te = side.types[t];
                Answer a = failure != null ? new Answer(null, failure) : new Answer(crdsValue(refs.get(te.type.toLowerCase(Locale.ROOT))), null);
                if (keys[t] == BUCKETED) {
                    state.answers[t].put(buckets[t], a);
                } else {
                    Map<Codes, Answer> cache = caches.get(t);
                    if (cache.size() >= CACHE_LIMIT) cache.clear();
                    cache.put(keys[t], a);
                }
                values[te.position] = a.value();
            }
            return failure != null ? new Evaluation(null, failure) : new Evaluation(values, null);
        }
    }

    /** Takes chunk results in order: counts, log, affected products, summary. */
    private final class Aggregator {
        private final ComparisonListener listener;
        private final List<GroupPlan> plans;
        private final Map<String, Integer> classCounts = new HashMap<>();
        private final List<String> products = new ArrayList<>();
        private final Map<String, Map<String, long[]>> perType = new TreeMap<>();         // instr -> type -> {updates, killed, errors}
        private final Map<String, Map<String, Map<String, Long>>> transitions = new TreeMap<>();
        private final long[][] compared;
        private long processed, errors, updated;

        Aggregator(ComparisonListener listener, List<GroupPlan> plans) {
            this.listener = listener;
            this.plans = plans;
            compared = new long[plans.size()][];
            for (int g = 0; g < plans.size(); g++) compared[g] = new long[plans.get(g).types.size()];
        }

        void take(Chunk c) {
            processed += c.processed;
            for (int g = 0; g < compared.length; g++) for (int t = 0; t < compared[g].length; t++) compared[g][t] += c.compared[g][t];
            for (Item item : c.items) take(item);
        }

        private void take(Item item) {
            if (item.loadError() != null) {
                errors++;
                listener.error("Failed loading source " + org.crdsj.engine.values.PythonRepr.str(item.id())
                        + " from 'PickleHeaderGenerator' : " + item.loadError());
                return;
            }
            DatasetOutcome o = item.outcome();
            for (TrackedError e : o.errors()) {
                errors++;
                stats(o.instrument(), e.filekind())[2]++;
                int n = classCounts.merge(e.classKey(), 1, Integer::sum);
                if (n < options.maxErrorsPerClass()) {
                    listener.error(e.message(item.id()));
                } else if (n == options.maxErrorsPerClass()) {
                    listener.info("Max error count " + options.maxErrorsPerClass() + " exceeded for: " + e.classKey().strip()
                            + " suppressing remaining error messages.");
                }
            }
            if (o.failure() != null) {
                errors++;
                listener.error("Failed processing " + org.crdsj.engine.values.PythonRepr.str(item.id()) + " : " + o.failure());
                return;
            }
            String idLower = item.id().toLowerCase(Locale.ROOT);
            String instrLower = o.instrument().toLowerCase(Locale.ROOT);
            for (Update u : o.updates()) {
                long[] s = stats(o.instrument(), u.filekind());
                s[0]++;
                if (o.killed()) s[1]++;
                transitions.computeIfAbsent(o.instrument(), k -> new TreeMap<>())
                        .computeIfAbsent(u.filekind(), k -> new TreeMap<>())
                        .merge(u.oldReference().toLowerCase(Locale.ROOT) + " -> " + u.newReference().toLowerCase(Locale.ROOT), 1L, Long::sum);
                if (options.logNewReferences() && !options.differencesAreErrors()) {
                    listener.info("instrument=" + org.crdsj.engine.values.PythonRepr.str(o.instrument().toUpperCase(Locale.ROOT))
                            + " type=" + org.crdsj.engine.values.PythonRepr.str(u.filekind().toUpperCase(Locale.ROOT))
                            + " data=" + org.crdsj.engine.values.PythonRepr.str(item.id()) + " ::  New best reference: "
                            + DatasetComparison.lowRepr(u.oldReference()) + " --> " + DatasetComparison.lowRepr(u.newReference())
                            + " :: Would update.");
                }
                listener.update(item.id(), o.instrument(), u);
                listener.newReference(idLower + " " + instrLower + " " + u.filekind() + " "
                        + u.oldReference().toLowerCase(Locale.ROOT) + " " + u.newReference().toLowerCase(Locale.ROOT));
            }
            if (!o.updates().isEmpty()) updated++;
            if (o.affected()) {
                int colon = idLower.indexOf(':');
                products.add(colon < 0 ? idLower : idLower.substring(0, colon));
            }
        }

        private long[] stats(String instrument, String filekind) {
            return perType.computeIfAbsent(instrument, k -> new TreeMap<>()).computeIfAbsent(filekind, k -> new long[3]);
        }

        ComparisonReport report(long elapsed) {
            products.sort(CodePointOrder.STRINGS);
            List<String> unique = new ArrayList<>();
            for (String p : products) if (unique.isEmpty() || !unique.get(unique.size() - 1).equals(p)) unique.add(p);
            Map<String, Map<String, ComparisonReport.TypeSummary>> summary = new TreeMap<>();
            for (int g = 0; g < plans.size(); g++) {
                GroupPlan p = plans.get(g);
                for (int t = 0; t < p.types.size(); t++) {
                    if (compared[g][t] == 0) continue;
                    String type = p.types.get(t).toLowerCase(Locale.ROOT);
                    long[] s = perType.getOrDefault(p.instrument, Map.of()).getOrDefault(type, new long[3]);
                    Map<String, Long> tr = transitions.getOrDefault(p.instrument, Map.of()).getOrDefault(type, Map.of());
                    summary.computeIfAbsent(p.instrument, k -> new TreeMap<>())
                            .put(type, new ComparisonReport.TypeSummary(compared[g][t], s[0], s[1], s[2], tr));
                }
            }
            return new ComparisonReport(oldContext.name(), newContext.name(), processed, updated, List.copyOf(unique),
                    errors, 0, summary, elapsed);
        }
    }
}
