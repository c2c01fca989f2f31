package org.crdsj.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The scale table of {@link RmapScalingBenchmark} measured in CPU time of the measuring thread
 * instead of wall time, for shared machines where other processes steal the cores: per rmap
 * size and column, the median over {@code --reps} slices of {@code --seconds} CPU seconds each
 * (after {@code --warmup} CPU seconds) of CPU microseconds per conditioned lookup. Prints a
 * Markdown table, with the rmap's number of Match parameters. By default every size gets the
 * parameters the generator chooses for 20,000 cases (8 for seed 1), so only the number of cases
 * varies (per-parameter work such as conditioning and validation would otherwise grow with the
 * rmap); {@code --parameters-for 0} lets each size choose its own, as before session 6.
 *
 * <pre>
 * java -cp bestrefs-bench/target/benchmarks.jar org.crdsj.bench.jmh.RmapScalingTable \
 *      [--cases 10,100,1000,10000,20000] [--max-dates 200] [--seconds 1] [--reps 5] [--warmup 3] \
 *      [--columns plans,cold,unseen] [--parameters-for 20000] [--seed 1]
 * </pre>
 */
public final class RmapScalingTable {
    private RmapScalingTable() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = {10, 100, 1000, 10000, 20000};
        int maxDates = 200, reps = 5, parametersFor = 20000;
        double seconds = 1, warmup = 3;
        long seed = 1;
        ScalingCase.Column[] columns = ScalingCase.Column.values();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--cases": sizes = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray(); break;
                case "--max-dates": maxDates = Integer.parseInt(v); break;
                case "--seconds": seconds = Double.parseDouble(v); break;
                case "--reps": reps = Integer.parseInt(v); break;
                case "--warmup": warmup = Double.parseDouble(v); break;
                case "--seed": seed = Long.parseLong(v); break;
                case "--parameters-for": parametersFor = Integer.parseInt(v); break;
                case "--columns": columns = Arrays.stream(v.split(","))
                        .map(c -> ScalingCase.Column.valueOf(c.toUpperCase(Locale.ROOT))).toArray(ScalingCase.Column[]::new); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        StringBuilder head = new StringBuilder("| Match cases | parameters |");
        StringBuilder rule = new StringBuilder("|---:|---:|");
        for (ScalingCase.Column c : columns) {
            head.append(' ').append(c.name().toLowerCase(Locale.ROOT)).append(" (CPU µs) |");
            rule.append("---:|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (int cases : sizes) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d |", cases));
            for (ScalingCase.Column c : columns) {
                ScalingCase world = ScalingCase.create(cases, parametersFor, maxDates, seed, c);
                if (c == columns[0]) row.append(' ').append(world.parameters).append(" |");
                row.append(String.format(Locale.ROOT, " %.2f |", median(world, seconds, reps, warmup)));
                world = null;
                System.gc();
            }
            System.out.println(row);
        }
    }

    private static double median(ScalingCase world, double seconds, int reps, double warmup) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        run(world, bean, (long) (warmup * 1e9));
        double[] us = new double[reps];
        for (int r = 0; r < reps; r++) us[r] = run(world, bean, (long) (seconds * 1e9));
        Arrays.sort(us);
        return us[reps / 2];
    }

    /** Looks up for {@code nanos} of this thread's CPU time; returns CPU µs per lookup. */
    private static double run(ScalingCase world, ThreadMXBean bean, long nanos) {
        long start = bean.getCurrentThreadCpuTime(), now = start, n = 0;
        int sink = 0;
        while (now - start < nanos) {
            for (int k = 0; k < 256; k++) sink += world.context.bestrefs(world.headers.next()).hashCode() & 1;
            n += 256;
            now = bean.getCurrentThreadCpuTime();
        }
        if (sink == -1) System.out.print("");
        return (now - start) / 1000.0 / n;
    }
}
