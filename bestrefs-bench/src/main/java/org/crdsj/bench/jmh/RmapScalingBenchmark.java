package org.crdsj.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crdsj.bench.SyntheticHeaders;
import org.crdsj.bench.SyntheticRules;
import org.crdsj.engine.bestrefs.Context;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How lookup cost grows with rmap size: a generated single-instrument, single-type context whose
 * rmap has {@code cases} Match cases (each a UseAfter of 1-6 dates), and 4096 generated headers
 * for it. The rules are generated and loaded once per trial in setup (into a temporary directory
 * deleted right after loading); only {@code Context.bestrefs} is measured. The generator adds
 * Match parameters when a small set could not hold that many distinct cases, so larger rmaps
 * also tend to have more parameters, as real ones do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RmapScalingBenchmark {
    @Param({"10", "100", "1000", "10000", "20000"})
    public int cases;

    @Param({"1"})
    public long seed;

    /** true: Matches remember plans per value combination (the default); false: the cold path every time. */
    @Param({"true", "false"})
    public boolean rememberPlans;

    private Context context;
    private HeaderCycle headers;

    @Setup
    public void setup() throws IOException {
        Path dir = Files.createTempDirectory("crds-bench-rules");
        try {
            SyntheticRules.Generated g = SyntheticRules.write(dir, new SyntheticRules.Options(1, 1, cases, 6, seed));
            context = Context.load(dir, g.contextName(), new org.crdsj.engine.rules.LoadOptions(true, rememberPlans));
        } finally {
            deleteTree(dir);
        }
        headers = new HeaderCycle(SyntheticHeaders.generate(context, 4096, seed));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Benchmark
    public void bestrefs(Blackhole bh) {
        bh.consume(context.bestrefs(headers.next()));
    }
}
