package org.crdsj.bench.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * How lookup cost grows with rmap size (issue "Scale"): a generated single-instrument,
 * single-type context whose rmap has {@code cases} Match cases, each a UseAfter of up to
 * {@code maxDates} dates, looked up with the headers of one {@link ScalingCase.Column}: plans
 * remembered with realistically repeating headers ({@code PLANS}), every Match evaluated from
 * scratch ({@code COLD}), or the default engine with more distinct combinations than it
 * remembers ({@code UNSEEN}). Rules and headers are generated and loaded once per trial in
 * setup; only {@code Context.bestrefs} is measured. Every size gets the Match parameters the
 * generator chooses for {@code parametersFor} cases (default 20,000), so only the number of
 * cases varies; {@code parametersFor=0} lets each size choose its own (larger rmaps then have
 * more parameters, as real ones do).
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

    @Param({"200"})
    public int maxDates;

    @Param({"20000"})
    public int parametersFor;

    @Param({"1"})
    public long seed;

    @Param({"PLANS", "COLD", "UNSEEN"})
    public ScalingCase.Column column;

    private ScalingCase world;

    @Setup
    public void setup() throws IOException {
        world = ScalingCase.create(cases, parametersFor, maxDates, seed, column);
    }

    @Benchmark
    public void bestrefs(Blackhole bh) {
        bh.consume(world.context.bestrefs(world.headers.next()));
    }
}
