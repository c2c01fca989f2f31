package org.crdsj.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.crdsj.bench.SyntheticHeaders;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.Selector;
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
 * The UseAfter selector alone: choose the file for a dataset's DATE-OBS/TIME-OBS among
 * {@code dates} entries (the date is re-formatted, then a binary search). The selector is
 * compiled from rules text, as a loaded rmap's would be. The first entry is 1990-01-01 and the
 * others random over 1991-2019; dataset dates cycle over 1024 values over 1990-2019, so every
 * lookup finds a file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UseAfterBenchmark {
    @Param({"1", "8", "64", "1024"})
    public int dates;

    private Selector useAfter;
    private HeaderCycle headers;

    @Setup
    public void setup() {
        Random rnd = new Random(1);
        TreeSet<String> keys = new TreeSet<>();
        keys.add("1990-01-01 00:00:00");   // as in real rules: every dataset date has an entry
        while (keys.size() < dates) keys.add(dateTime(rnd, 1991));
        StringBuilder sb = new StringBuilder("header = {\n    'derived_from' : 'UseAfterBenchmark',\n"
                + "    'filekind' : 'T00FILE',\n    'instrument' : 'XIN01',\n    'mapping' : 'REFERENCE',\n"
                + "    'name' : 'hst_xin01_t00file_0001.rmap',\n    'observatory' : 'HST',\n"
                + "    'parkey' : (('DETECTOR',), ('DATE-OBS', 'TIME-OBS')),\n"
                + "}\n\nselector = Match({\n    ('WFC',) : UseAfter({\n");
        int n = 0;
        for (String k : keys) sb.append(String.format(Locale.ROOT, "        '%s' : 'f%07d_t00.fits',%n", k, n++));
        sb.append("    }),\n})\n");
        MappingLoader loader = new MappingLoader(new MappingLocator(null), new LoadOptions(false));
        ReferenceMapping r = (ReferenceMapping) loader.compile("hst_xin01_t00file_0001.rmap", sb.toString());
        useAfter = ((Choice.Nested) r.selector().selections().get(0).choice()).selector();
        if (!useAfter.kind().equals("UseAfter")) throw new IllegalStateException("expected a UseAfter, got " + useAfter.kind());
        List<SyntheticHeaders.Dataset> ds = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            String when = dateTime(rnd, 1990);
            ds.add(new SyntheticHeaders.Dataset("d" + i,
                    Map.of("DATE-OBS", when.substring(0, 10), "TIME-OBS", when.substring(11))));
        }
        headers = new HeaderCycle(ds);
    }

    private static String dateTime(Random rnd, int fromYear) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", fromYear + rnd.nextInt(2020 - fromYear),
                1 + rnd.nextInt(12), 1 + rnd.nextInt(28), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
    }

    @Benchmark
    public void choose(Blackhole bh) {
        bh.consume(useAfter.choose(headers.next()));
    }
}
