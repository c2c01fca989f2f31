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
 * Full-context bestrefs: {@code Context.bestrefs(header)} on {@code hst_9000.pmap} (condition,
 * pick the instrument, minimise the header, look up every type of the instrument). Headers cycle
 * through the context's golden cases in {@code golden/context_cases_hst.jsonl}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContextBestrefsBenchmark {
    @Param({"../shared/corpus"})
    public String corpus;

    @Param({"hst_9000.pmap"})
    public String pmap;

    private Context context;
    private HeaderCycle headers;

    @Setup
    public void setup() throws IOException {
        Corpus c = new Corpus(corpus);
        context = Context.load(c.hstMappings(), pmap);
        headers = new HeaderCycle(c.goldenHeaders("context_cases_hst.jsonl", pmap));
    }

    @Benchmark
    public void bestrefs(Blackhole bh) {
        bh.consume(context.bestrefs(headers.next()));
    }
}
