package org.crdsj.engine.store;

import java.nio.file.Path;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;

/**
 * Times the first load of a context in this (fresh) JVM, with or without the syntax cache; run
 * once per JVM to see cold start-up cost. Not a test: a measurement for docs/performance.md.
 *
 * <pre>java -cp ... org.crdsj.engine.store.ColdLoadTiming MAPPING_DIR hst_9000.pmap [CACHE_DIR]</pre>
 */
public final class ColdLoadTiming {
    private ColdLoadTiming() {}

    public static void main(String[] args) {
        Path mappings = Path.of(args[0]);
        String name = args[1];
        long t0 = System.nanoTime();   // opening the cache (fingerprint, map, CRC) counts too
        SyntaxCache cache = args.length > 2 ? SyntaxCache.open(Path.of(args[2])) : null;
        Context ctx = Context.load(mappings, name, LoadOptions.DEFAULT, cache);
        long t1 = System.nanoTime();
        System.out.printf("%s %s: first load %.1f ms (cache: %s)%n", name, ctx.name(), (t1 - t0) / 1e6,
                cache == null ? "none" : cache.hits() + " hits, " + cache.misses() + " misses");
    }
}
