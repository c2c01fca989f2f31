package org.crdsj.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crds bench}: what a rules change costs. Load time, bestrefs throughput, per-lookup
 * latency percentiles and heap for a context over a set of headers; with
 * {@code --compare-context}, the same for a second context and the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure load time, bestrefs throughput, latency and memory of a context on dataset headers.")
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand
    CrdsCommand parent;

    private ToolEnvironment env() {
        return parent.environment();
    }


    @Option(names = "--mappath", paramLabel = "DIR", description = "Mapping directory; default $CRDS_MAPPATH or $CRDS_PATH/mappings.")
    Path mappath;

    @Option(names = "--context", paramLabel = "A", required = true, description = "Context to measure.")
    String context;

    @Option(names = "--compare-context", paramLabel = "B", description = "A second context to measure side by side.")
    String compareContext;

    @Option(names = "--headers", paramLabel = "F.jsonl", required = true, description = "Dataset headers (JSON Lines, as for bestrefs).")
    Path headers;

    @Option(names = "--threads", defaultValue = "1", description = "Threads doing lookups (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seconds", defaultValue = "3", description = "Measured time per context (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "8",
            description = "Warm-up time per context in seconds, long enough for the JIT to finish on 2 cores (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--raw", description = "Measure the raw lookup instead of bestrefs.")
    boolean raw;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--no-plan-cache",
            description = "Measure without Matches remembering value combinations (the cold path for every dataset).")
    boolean noPlanCache;

    @Option(names = "--eager",
            description = "From a compiled context, build every rmap's selector during the load (default: on first use).")
    boolean eager;

    @picocli.CommandLine.Mixin
    CacheOptions cacheOptions = new CacheOptions();

    @Override
    public Integer call() throws Exception {
        Path dir = env().mappath(mappath);
        // The first context is loaded before anything else, headers included: reading 1,800 JSON
        // headers first left the JIT compiling the JSON reader, and its garbage to collect, during
        // a fresh load (~75 ms of CPU on 2 cores), which is not what a load costs.
        Loaded first = load(dir, context);
        List<Map<String, String>> hs = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(env().path(headers), StandardCharsets.UTF_8)) {
            long bad = HeaderLines.read(in, headers.toString(), d -> hs.add(d.header()), env().err()::println);
            if (bad > 0) return 1;
        }
        if (hs.isEmpty()) {
            env().err().println("crds bench: no headers in " + headers);
            return 1;
        }
        Map<String, Object> a = measure(first, hs);
        Map<String, Object> report = new LinkedHashMap<>(a);
        if (compareContext != null) {
            Map<String, Object> b = measure(load(dir, compareContext), hs);
            report = new LinkedHashMap<>();
            report.put("context", a);
            report.put("compare_context", b);
            report.put("ratio_headers_per_s", (double) b.get("headers_per_s") / (double) a.get("headers_per_s"));
        }
        if (json) {
            env().out().println(new ObjectMapper().writeValueAsString(report));
        } else if (compareContext == null) {
            printTable(List.of(a));
        } else {
            printTable(List.of(a, (Map<String, Object>) report.get("compare_context")));
            env().out().printf("ratio (B/A) headers/s: %.3f%n", report.get("ratio_headers_per_s"));
        }
        return 0;
    }

    /** A context just loaded, with what loading it cost. */
    private record Loaded(String name, Context ctx, MappingLoader loader, boolean syntaxCache, double loadMs,
                          double loadCpuMs, double loadProcessCpuMs, double heapMb) {}

    private Loaded load(Path dir, String name) {
        System.gc();
        long heapBefore = usedHeap();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long p0 = processCpuNanos();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        org.crdsj.engine.store.SyntaxCache syntaxCache = cacheOptions.open();
        org.crdsj.engine.store.CompiledContexts compiled = cacheOptions.compiled(syntaxCache, env());
        LoadOptions options = new LoadOptions(true, !noPlanCache);
        MappingLoader loader = syntaxCache == null ? new MappingLoader(new MappingLocator(dir), options)
                : new MappingLoader(new MappingLocator(dir), options, syntaxCache, compiled, eager);
        Context ctx = new Context(loader.load(name));
        double loadMs = (System.nanoTime() - t0) / 1e6;
        double loadCpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;   // steadier than wall time on a shared machine
        // Every thread of the process (the read-ahead, the JIT compilers, GC): on 2 cores the wall
        // time of a fresh load is bounded below by half of this.
        double loadProcessCpuMs = (processCpuNanos() - p0) / 1e6;
        System.gc();
        double heapMb = Math.max(0, usedHeap() - heapBefore) / (1024.0 * 1024.0);
        return new Loaded(name, ctx, loader, syntaxCache != null, loadMs, loadCpuMs, loadProcessCpuMs, heapMb);
    }

    private Map<String, Object> measure(Loaded loaded, List<Map<String, String>> hs) throws Exception {
        Context ctx = loaded.ctx();
        System.gc();
        long heapBefore = usedHeap() - (long) (loaded.heapMb() * 1024 * 1024);   // (the headers are not the context's)
        // What a lazily built context still owes: the first header, then one pass over all of them.
        long t1 = System.nanoTime();
        if (raw) ctx.raw(hs.get(0));
        else ctx.bestrefs(hs.get(0));
        double firstMs = (System.nanoTime() - t1) / 1e6;
        long t2 = System.nanoTime();
        for (Map<String, String> h : hs) {
            if (raw) ctx.raw(h);
            else ctx.bestrefs(h);
        }
        double firstPassMs = (System.nanoTime() - t2) / 1e6;
        System.gc();
        double heapPassMb = Math.max(0, usedHeap() - heapBefore) / (1024.0 * 1024.0);

        run(ctx, hs, warmup, false);
        Run r = run(ctx, hs, seconds, true);
        double headersPerS = r.count / r.seconds;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", loaded.name());
        m.put("load_ms", loaded.loadMs());
        m.put("load_cpu_ms", loaded.loadCpuMs());
        m.put("load_process_cpu_ms", loaded.loadProcessCpuMs());
        m.put("cache", loaded.loader().contextCacheOutcome().name().toLowerCase(java.util.Locale.ROOT));
        m.put("syntax_cache", loaded.syntaxCache() ? "on" : "off");
        m.put("eager", eager);
        m.put("first_bestrefs_ms", firstMs);
        m.put("first_pass_ms", firstPassMs);
        m.put("headers", hs.size());
        m.put("threads", threads);
        m.put("headers_per_s", headersPerS);
        m.put("lookups_per_s", r.lookups / r.seconds);
        m.put("p50_us", percentile(r.latenciesNs, 0.50) / 1000.0);
        m.put("p99_us", percentile(r.latenciesNs, 0.99) / 1000.0);
        m.put("heap_mb", loaded.heapMb());
        m.put("heap_after_first_pass_mb", heapPassMb);
        return m;
    }

    private record Run(long count, long lookups, double seconds, long[] latenciesNs) {}

    /** Every thread cycles through the headers from its own offset until the time is up. */
    private Run run(Context ctx, List<Map<String, String>> hs, double secs, boolean sample) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + (long) (secs * 1e9);
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * hs.size() / threads;
                parts.add(pool.submit(() -> {
                    long n = 0, lookups = 0;
                    long[] lat = new long[1 << 16];
                    int i = offset;
                    long start = System.nanoTime();
                    while (true) {
                        for (int k = 0; k < 64; k++) {
                            long s = System.nanoTime();
                            BestRefs refs = raw ? ctx.raw(hs.get(i)) : ctx.bestrefs(hs.get(i));
                            long e = System.nanoTime();
                            lat[(int) (n & (lat.length - 1))] = e - s;
                            lookups += refs.results().size();
                            n++;
                            if (++i == hs.size()) i = 0;
                        }
                        if (System.nanoTime() >= deadline) break;
                    }
                    long elapsed = System.nanoTime() - start;
                    long[] result = new long[3 + (int) Math.min(n, lat.length)];
                    result[0] = n;
                    result[1] = lookups;
                    result[2] = elapsed;
                    System.arraycopy(lat, 0, result, 3, result.length - 3);
                    return result;
                }));
            }
            long count = 0, lookups = 0, maxElapsed = 0;
            List<long[]> lats = new ArrayList<>();
            for (Future<long[]> f : parts) {
                long[] r = f.get();
                count += r[0];
                lookups += r[1];
                maxElapsed = Math.max(maxElapsed, r[2]);
                lats.add(Arrays.copyOfRange(r, 3, r.length));
            }
            long[] all = lats.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(all);
            return new Run(count, lookups, maxElapsed / 1e9, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * (sorted.length - 1)))];
    }

    /** CPU time of the whole process so far (ns; coarse, e.g. 10 ms ticks), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? Math.max(0, sun.getProcessCpuTime()) : 0;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private void printTable(List<Map<String, Object>> rows) {
        env().out().printf("%-22s %9s %12s %12s %9s %9s %8s%n", "context", "load ms", "headers/s", "lookups/s", "p50 us", "p99 us", "heap MB");
        for (Map<String, Object> m : rows) {
            env().out().printf("%-22s %9.1f %12.0f %12.0f %9.2f %9.2f %8.1f%n", m.get("name"), m.get("load_ms"),
                    m.get("headers_per_s"), m.get("lookups_per_s"), m.get("p50_us"), m.get("p99_us"), m.get("heap_mb"));
        }
    }
}
