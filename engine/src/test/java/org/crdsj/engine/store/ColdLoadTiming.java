package org.crdsj.engine.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;

/**
 * Times the first load of a context in this (fresh) JVM: without caches, with the syntax cache,
 * or with compiled contexts (lazy or eager); wall and main-thread CPU time, then the first
 * bestrefs of a trivial header. Run once per JVM to see cold start-up cost. Not a test: a
 * measurement for docs/performance.md.
 *
 * <pre>java -cp ... org.crdsj.engine.store.ColdLoadTiming MAPPING_DIR hst_9000.pmap [CACHE_DIR [syntax|lazy|eager]]</pre>
 */
public final class ColdLoadTiming {
    private ColdLoadTiming() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path mappings = Path.of(args[0]);
        String name = args[1];
        String mode = args.length > 3 ? args[3] : "syntax";
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();   // opening the cache (fingerprint, map, CRC) counts too
        SyntaxCache cache = args.length > 2 ? SyntaxCache.open(Path.of(args[2])) : null;
        CompiledContexts compiled = cache != null && !mode.equals("syntax") ? CompiledContexts.open(Path.of(args[2])) : null;
        MappingLoader loader = new MappingLoader(new MappingLocator(mappings), LoadOptions.DEFAULT, cache, compiled,
                mode.equals("eager"));
        Context ctx = new Context(loader.load(name));
        long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
        ctx.bestrefs(Map.of("INSTRUME", "ACS", "DETECTOR", "WFC", "DATE-OBS", "2010-01-01", "TIME-OBS", "00:00:00"));
        long t2 = System.nanoTime(), c2 = threads.getCurrentThreadCpuTime();
        System.out.printf("%s %s: load %.1f ms wall %.1f ms cpu; first bestrefs %.1f ms wall %.1f ms cpu (mode %s, context cache %s)%n",
                name, ctx.name(), (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 1e6, (c2 - c1) / 1e6, mode,
                loader.contextCacheOutcome());
    }
}
