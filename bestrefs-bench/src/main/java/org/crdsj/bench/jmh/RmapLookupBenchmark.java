package org.crdsj.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * One corpus rmap used as a context: {@code Context.bestrefs} conditions the header, cuts it to
 * the rmap's keys and looks up the type. Headers cycle through the rmap's golden cases in
 * {@code golden/rmap_cases_hst.jsonl}, which include edge cases (no match, bad dates, N/A), so
 * the score is a mix of found files and failures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RmapLookupBenchmark {
    @Param({"../shared/corpus"})
    public String corpus;

    @Param({"hst_acs_darkfile.rmap"})
    public String rmap;

    private Context context;
    private HeaderCycle headers;

    @Setup
    public void setup() throws IOException {
        Corpus c = new Corpus(corpus);
        context = Context.load(c.hstMappings(), rmap);
        headers = new HeaderCycle(c.goldenHeaders("rmap_cases_hst.jsonl", rmap));
    }

    @Benchmark
    public void bestrefs(Blackhole bh) {
        bh.consume(context.bestrefs(headers.next()));
    }
}
