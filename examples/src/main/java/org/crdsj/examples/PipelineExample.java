package org.crdsj.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.Result;

/**
 * How a pipeline uses crds-j in-process: load a context once, then ask for best references from
 * many threads. Run it (from the repository root) as shown in {@code docs/java-api.md}.
 */
public final class PipelineExample {
    private PipelineExample() {}

    public static void main(String[] args) throws Exception {
        Path mappings = Path.of(args.length > 0 ? args[0] : "examples/context");
        String contextName = args.length > 1 ? args[1] : "hst_0100.pmap";

        // 1. Load once. The context is immutable: share it freely.
        Context context = Context.load(mappings, contextName);

        // 2. Look up one dataset: CRDS bestrefs semantics (conditioning + minimum header).
        Map<String, String> header = Map.of(
                "INSTRUME", "COS", "DETECTOR", "FUV", "OPT_ELEM", "G130M", "CENWAVE", "1291",
                "DEADCORR", "PERFORM", "DATE-OBS", "2010-03-15", "TIME-OBS", "12:00:00");
        BestRefs refs = context.bestrefs(header);
        for (Map.Entry<String, Result> e : refs.results().entrySet()) {
            Result r = e.getValue();
            String shown = r instanceof Result.Omitted ? "(omitted)" : String.valueOf(BestRefs.crdsValue(r));
            System.out.printf("%-10s %s%n", e.getKey(), shown);
        }

        // 3. The same context from several threads at once.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = pool.invokeAll(List.of(
                    () -> context.bestrefs(header).get("deadtab").crdsString(),
                    () -> context.bestrefs(header).get("flatfile").crdsString(),
                    () -> context.raw(header).get("deadtab").crdsString()));
            for (Future<String> f : answers) System.out.println("from a worker thread: " + f.get());
        } finally {
            pool.shutdown();
        }
    }
}
