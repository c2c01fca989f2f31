package org.crdsj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.compare.ComparisonListener;
import org.crdsj.engine.compare.ComparisonOptions;
import org.crdsj.engine.compare.ComparisonReport;
import org.crdsj.engine.compare.ContextComparison;
import org.crdsj.engine.compare.DatasetsSince;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.store.DatasetStore;

/**
 * Times a reprocessing comparison over a dataset store, as {@code crds bestrefs --affected-datasets}
 * runs it: opening the store, the comparison itself, and the peak heap. The affected types come
 * from the logical rules diff, as in the command.
 *
 * <pre>
 * java -cp bestrefs-bench/target/benchmarks.jar org.crdsj.bench.ReprocessingBench \
 *      --mappings /tmp/arch --old hst_0001.pmap --new hst_0002.pmap --store /tmp/arch/d10m.crdsds [--all-types] [--threads 2]
 * </pre>
 */
public final class ReprocessingBench {
    private ReprocessingBench() {}

    public static void main(String[] args) {
        Path mappings = null, store = null;
        String oldName = null, newName = null;
        boolean allTypes = false;
        int repeat = 1;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mappings" -> mappings = Path.of(args[++i]);
                case "--store" -> store = Path.of(args[++i]);
                case "--old" -> oldName = args[++i];
                case "--new" -> newName = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--all-types" -> allTypes = true;
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (usage: --mappings DIR --old A --new B --store S [--all-types] [--threads N])");
            }
        }
        long t0 = System.nanoTime();
        Context oldCtx = Context.load(mappings, oldName, LoadOptions.DEFAULT);
        Context newCtx = Context.load(mappings, newName, LoadOptions.DEFAULT);
        long t1 = System.nanoTime();
        DatasetStore s = DatasetStore.open(store);
        long t2 = System.nanoTime();
        long openNanos = t2 - t1;
        Map<String, List<String>> affected = null;
        String source = "all types (plain comparison)";
        if (!allTypes) {
            affected = new org.crdsj.engine.diff.DiffAffectedTypes().affected(oldCtx, newCtx);
            source = "rules diff";
        }
        ComparisonOptions o = new ComparisonOptions(!allTypes, !allTypes, false, false, affected,
                allTypes ? null : DatasetsSince.of(DatasetsSince.MIN_DATE), threads, 500);
        ComparisonReport r = null;
        long t3 = 0, cpu = 0;
        for (int run = 1; run <= repeat; run++) {
        if (run > 1) t2 = System.nanoTime();
        long cpu0 = cpuNanos();
        long[] last = {0};
        r = new ContextComparison(oldCtx, newCtx, o).run(s, new ComparisonListener() {
            @Override public void progress(long done, long total) {
                long now = System.nanoTime();
                if (now - last[0] > 10_000_000_000L) {
                    last[0] = now;
                    System.err.printf(Locale.ROOT, "  %,d of %,d datasets%n", done, total);
                }
            }
        });
        t3 = System.nanoTime();
        cpu = cpuNanos() - cpu0;
        if (repeat > 1) System.out.printf(Locale.ROOT, "run %d: compare %.2f s wall, %.2f s CPU%n", run, (t3 - t2) / 1e9, cpu / 1e9);
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "types: %s %s%n", source, affected == null ? "" : affected);
        System.out.printf(Locale.ROOT, "datasets %,d  processed %,d  with updates %,d  affected products %,d  errors %,d%n",
                s.size(), r.processed(), r.updatedDatasets(), r.affectedProducts().size(), r.errors());
        System.out.printf(Locale.ROOT, "load contexts %.2f s  open store %.1f ms  compare %.2f s wall, %.2f s CPU (%,.0f datasets/s, %d threads)  peak heap %,d MB%n",
                (t1 - t0) / 1e9, openNanos / 1e6, (t3 - t2) / 1e9, cpu / 1e9, s.size() / ((t3 - t2) / 1e9), threads, peak >> 20);
    }

    /** CPU time of this process so far (all threads), nanoseconds. */
    static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
