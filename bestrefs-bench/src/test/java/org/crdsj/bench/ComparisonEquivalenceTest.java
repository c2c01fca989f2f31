package org.crdsj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.compare.ComparisonListener;
import org.crdsj.engine.compare.ComparisonOptions;
import org.crdsj.engine.compare.ComparisonReport;
import org.crdsj.engine.compare.ContextComparison;
import org.crdsj.engine.compare.DatasetComparison;
import org.crdsj.engine.compare.DatasetOutcome;
import org.crdsj.engine.compare.DatasetsSince;
import org.crdsj.engine.compare.ExposureTime;
import org.crdsj.engine.compare.TrackedError;
import org.crdsj.engine.compare.Update;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.store.DatasetStore;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.crdsj.engine.store.HeaderInstrument;
import org.crdsj.engine.values.CodePointOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast comparison (minimum headers evaluated once, unchanged rmaps once, date buckets, two
 * threads) equals a brute-force comparison that looks every dataset up in full under both
 * contexts, on 100,000+ synthetic datasets and a context with seeded rules changes: Match cases
 * added and removed, new UseAfter dates, replaced files, N/A and OMIT (imap and rmap values),
 * rmap_relevance added; plus awkward datasets (no instrument, unknown instrument, odd dates, missing
 * keywords, lower-case keywords).
 */
class ComparisonEquivalenceTest {
    private static final long SEED = Long.getLong("crds.seed", 20261123L);
    private static final int DATASETS = Integer.getInteger("crds.equivalence.datasets", 100_000);

    @TempDir Path dir;

    @Test
    void fastComparisonEqualsBruteForce() throws Exception {
        System.out.println("ComparisonEquivalenceTest seed " + SEED + ", " + DATASETS + " datasets");
        SyntheticRules.Generated g = SyntheticRules.write(dir, new SyntheticRules.Options(4, 8, 80, 5, SEED));
        RulesChanges.Changed changed = RulesChanges.write(dir, g.contextName(), 14, 2, SEED + 1);
        System.out.println("edits: " + changed.edits());
        Context oldCtx = Context.load(dir, g.contextName(), LoadOptions.DEFAULT);
        Context newCtx = Context.load(dir, changed.contextName(), LoadOptions.DEFAULT);

        DatasetStoreWriter w = new DatasetStoreWriter();
        Random rnd = new Random(SEED);
        List<String[]> odd = List.of(new String[] {"DATE-OBS", "2003/06/10"}, new String[] {"TIME-OBS", "12:00:01 AM"},
                new String[] {"TIME-OBS", "04:05:44.000000"}, new String[] {"DATE-OBS", "UNDEFINED"}, new String[] {"DETECTOR", "N/A"});
        int[] n = {0};
        SyntheticHeaders.generate(oldCtx, DATASETS, SEED, d -> {
            Map<String, String> h = new LinkedHashMap<>(d.header());
            int r = rnd.nextInt(1000);
            if (r < 3) h.remove("INSTRUME");
            else if (r < 6) h.put("INSTRUME", "NOPE");
            else if (r < 9) h.put("INSTRUME", " " + h.get("INSTRUME") + " ");
            else if (r < 40) {
                String[] o = odd.get(rnd.nextInt(odd.size()));
                h.put(o[0], o[1]);
            } else if (r < 50) {
                List<String> keys = new ArrayList<>(h.keySet());
                h.remove(keys.get(rnd.nextInt(keys.size())));
            } else if (r < 55) {
                String k = "DETECTOR";
                String v = h.remove(k);
                if (v != null) h.put(k.toLowerCase(Locale.ROOT), v);
            }
            w.add(d.id(), h);
            n[0]++;
        });
        DatasetStore store = DatasetStore.of(w.toBytes(), "synthetic");

        Map<String, List<String>> affected = rmapIdentityAffected(oldCtx, newCtx);
        List<ComparisonOptions> variants = List.of(
                new ComparisonOptions(false, false, false, true, null, null, 2, 500),
                new ComparisonOptions(true, true, true, false, null, DatasetsSince.of("2005-06-01 00:00:00"), 2, 50),
                new ComparisonOptions(true, true, false, false, affected, DatasetsSince.of(DatasetsSince.MIN_DATE), 2, 500),
                new ComparisonOptions(false, false, true, false, null, null, 1, 500));
        long affectedSomewhere = 0;
        for (ComparisonOptions o : variants) {
            Log fast = new Log();
            ComparisonReport report = new ContextComparison(oldCtx, newCtx, o).run(store, fast);
            Log brute = bruteForce(store, oldCtx, newCtx, o);
            String what = "options " + o;
            assertEquals(brute.products, report.affectedProducts(), what + ": affected products");
            assertEquals(brute.newReferences.size(), fast.newReferences.size(), what + ": new references count");
            assertEquals(brute.newReferences, fast.newReferences, what + ": new references");
            assertEquals(brute.errors, fast.errors, what + ": logged errors");
            assertEquals(brute.errorCount, report.errors(), what + ": error count");
            assertEquals(brute.processed, report.processed(), what + ": datasets processed");
            System.out.printf("  %s: %d processed, %d affected products, %d new references, %d errors (%.2f s fast)%n",
                    o.affectedTypes() != null ? "affected" : o.differencesAreErrors() ? "differences-are-errors" : "compare",
                    report.processed(), report.affectedProducts().size(), fast.newReferences.size(), report.errors(),
                    report.elapsedNanos() / 1e9);
            affectedSomewhere += report.affectedProducts().size();
        }
        // Not vacuous: the edits affect datasets (with differences counted as errors, a variant
        // may legitimately report no affected product).
        assertTrue(affectedSomewhere > 0, "the changes affect some datasets");
    }

    /** A stand-in for the rules diff: the types whose rmap differs (name or checksum) in a changed imap. */
    static Map<String, List<String>> rmapIdentityAffected(Context a, Context b) {
        Map<String, List<String>> out = new TreeMap<>();
        PipelineContext pa = (PipelineContext) a.mapping(), pb = (PipelineContext) b.mapping();
        for (String instrument : pb.instruments()) {
            InstrumentContext ia = pa.imap(instrument), ib = pb.imap(instrument);
            for (String t : ib.filekinds()) {
                ReferenceMapping ra = ia.rmap(t), rb = ib.rmap(t);
                if (ra != null && rb != null && !ra.sha1sum().equals(rb.sha1sum())) out.computeIfAbsent(instrument, k -> new ArrayList<>()).add(t);
            }
        }
        return out;
    }

    /** What a run logged, in order. */
    static final class Log implements ComparisonListener {
        final List<String> errors = new ArrayList<>();
        final List<String> newReferences = new ArrayList<>();
        List<String> products = new ArrayList<>();
        long errorCount, processed;

        @Override public void error(String message) { errors.add(message); }

        @Override public void newReference(String line) { newReferences.add(line); }
    }

    /** Every dataset in id order, looked up in full under both contexts. */
    static Log bruteForce(DatasetStore store, Context oldCtx, Context newCtx, ComparisonOptions o) {
        Log log = new Log();
        Map<String, Integer> classes = new java.util.HashMap<>();
        java.util.TreeSet<String> products = new java.util.TreeSet<>(CodePointOrder.STRINGS);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < store.size(); i++) order.add(i);
        order.sort((x, y) -> CodePointOrder.STRINGS.compare(store.id(x), store.id(y)));
        for (int i : order) {
            String id = store.id(i);
            Map<String, String> header = store.header(i);
            String instrument = HeaderInstrument.of(header).orElse(null);
            if (instrument == null) {
                if (o.affectedTypes() != null) continue;
                log.errorCount++;
                log.errors.add("Failed loading source '" + id + "' from 'PickleHeaderGenerator' : 'No instrument keyword defined in header.'");
                continue;
            }
            String lower = instrument.toLowerCase(Locale.ROOT);
            if (o.affectedTypes() != null && !o.affectedTypes().containsKey(lower)) continue;
            if (o.datasetsSince() != null && !o.datasetsSince().keeps(instrument, ExposureTime.of(header::get))) continue;
            log.processed++;
            Map<String, String> lookup = new LinkedHashMap<>(header);
            lookup.put("INSTRUME", instrument);
            lookup.put("META.INSTRUMENT.NAME", instrument);
            InstrumentContext oi, ni;
            try {
                ni = ((PipelineContext) newCtx.mapping()).imap(instrument);
                oi = ((PipelineContext) oldCtx.mapping()).imap(instrument);
            } catch (RuntimeException e) {
                log.errorCount++;
                log.errors.add("Failed processing '" + id + "' : " + e.getMessage());
                continue;
            }
            List<String> nt = o.affectedTypes() != null ? o.affectedTypes().get(lower) : ni.filekinds();
            List<String> ot = o.affectedTypes() != null ? o.affectedTypes().get(lower) : oi.filekinds();
            BestRefs nr = newCtx.bestrefs(lookup, nt), or = oldCtx.bestrefs(lookup, ot);
            TreeMap<String, String[]> union = new TreeMap<>(CodePointOrder.STRINGS);
            for (String t : nt) union.computeIfAbsent(t.toUpperCase(Locale.ROOT), k -> new String[2])[1] = value(nr.get(t));
            for (String t : ot) union.computeIfAbsent(t.toUpperCase(Locale.ROOT), k -> new String[2])[0] = value(or.get(t));
            List<String> types = new ArrayList<>(union.keySet());
            String[] ov = new String[types.size()], nv = new String[types.size()];
            for (int k = 0; k < types.size(); k++) {
                ov[k] = union.get(types.get(k))[0];
                nv[k] = union.get(types.get(k))[1];
            }
            DatasetOutcome out = DatasetComparison.compare(instrument, types, ov, nv, o);
            for (TrackedError e : out.errors()) {
                log.errorCount++;
                int c = classes.merge(e.classKey(), 1, Integer::sum);
                if (c < o.maxErrorsPerClass()) log.errors.add(e.message(id));
            }
            if (out.failure() != null) {
                log.errorCount++;
                log.errors.add("Failed processing '" + id + "' : " + out.failure());
                continue;
            }
            for (Update u : out.updates()) {
                log.newReferences.add(id.toLowerCase(Locale.ROOT) + " " + lower + " " + u.filekind() + " "
                        + u.oldReference().toLowerCase(Locale.ROOT) + " " + u.newReference().toLowerCase(Locale.ROOT));
            }
            if (out.affected()) products.add(id.toLowerCase(Locale.ROOT).split(":")[0]);
        }
        log.products = new ArrayList<>(products);
        return log;
    }

    private static String value(Result r) {
        if (r == null || r instanceof Result.Omitted) return null;
        if (r instanceof Result.Files) return DatasetComparison.MULTIPLE;
        return r.crdsString();
    }
}
