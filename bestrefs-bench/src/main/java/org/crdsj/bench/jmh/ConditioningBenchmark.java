package org.crdsj.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.crdsj.engine.values.Conditioning;
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
 * Conditioning one whole dataset header ({@code Conditioning.conditionHeader}: upper-case keys,
 * normalised values). Headers cycle through the HST golden context cases.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditioningBenchmark {
    @Param({"../shared/corpus"})
    public String corpus;

    private HeaderCycle headers;

    @Setup
    public void setup() throws IOException {
        headers = new HeaderCycle(new Corpus(corpus).goldenHeaders("context_cases_hst.jsonl", "hst_9000.pmap"));
    }

    @Benchmark
    public void conditionHeader(Blackhole bh) {
        bh.consume(Conditioning.conditionHeader(headers.next()));
    }
}
