package org.crdsj.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.Matchers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One Match key element tested against conditioned dataset values: a literal, an or-glob and an
 * inequality. Each invocation tests four values (hits and misses); scores are per value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatcherBenchmark {
    private Matcher literal, glob, inequality;
    private String[] filters, gains;

    @Setup
    public void setup() {
        literal = Matchers.forKey("F555W");
        glob = Matchers.forKey("F435W|F555W|F606W|F814W");
        inequality = Matchers.forKey(">=2.0");
        filters = new String[] {"F555W", "F814W", "F658N", "CLEAR1L"};
        gains = new String[] {"1.0", "2.0", "4.0", "N/A"};
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void literal(Blackhole bh) {
        for (String v : filters) bh.consume(literal.match(v));
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void glob(Blackhole bh) {
        for (String v : filters) bh.consume(glob.match(v));
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void inequality(Blackhole bh) {
        for (String v : gains) bh.consume(inequality.match(v));
    }
}
