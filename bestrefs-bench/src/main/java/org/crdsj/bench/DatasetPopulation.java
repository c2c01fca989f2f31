package org.crdsj.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.store.DatasetStoreWriter;

/**
 * A synthetic HST-like dataset population for archive-scale benchmarks: N datasets for any
 * context ({@link SyntheticHeaders}: parameter tuples shared with a 1/rank popularity, dates over
 * 30 years), written as JSON Lines {@code {"id", "header"}} or directly as a dataset store
 * ({@code .crdsds}). With {@code --rules DIR} it first writes a synthetic context
 * ({@link SyntheticRules}) and, with {@code --changed-rmaps K}, a second one differing in K rmaps
 * ({@link RulesChanges}).
 *
 * <pre>
 * java -cp bestrefs-bench/target/benchmarks.jar org.crdsj.bench.DatasetPopulation \
 *      --rules /tmp/arch --changed-rmaps 6 --count 10000000 --out /tmp/arch/datasets.crdsds
 * java -cp bestrefs-bench/target/benchmarks.jar org.crdsj.bench.DatasetPopulation \
 *      --mappings ../shared/corpus/mappings --context hst_9000.pmap --count 1000000 --out hst.jsonl
 * </pre>
 */
public final class DatasetPopulation {
    private DatasetPopulation() {}

    /** Writes {@code count} datasets for {@code context} to {@code out} (.crdsds: a store, else JSON Lines). */
    public static void write(Context context, long count, long seed, Path out) throws IOException {
        if (out.getFileName().toString().endsWith(".crdsds")) {
            DatasetStoreWriter w = new DatasetStoreWriter();
            SyntheticHeaders.generate(context, count, seed, d -> w.add(d.id(), d.header()));
            w.write(out);
            return;
        }
        JsonFactory json = new JsonFactory();
        try (BufferedWriter bw = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             JsonGenerator g = json.createGenerator(bw)) {
            g.setRootValueSeparator(null);
            SyntheticHeaders.generate(context, count, seed, d -> {
                try {
                    g.writeStartObject();
                    g.writeStringField("id", d.id());
                    g.writeObjectFieldStart("header");
                    for (Map.Entry<String, String> e : d.header().entrySet()) g.writeStringField(e.getKey(), e.getValue());
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * {@code [--rules DIR [--instruments N --types M --cases K --max-dates D] [--changed-rmaps R]]
     * | --mappings DIR --context NAME} {@code --count N --out FILE [--seed S]}
     */
    public static void main(String[] args) throws IOException {
        Path mappings = null, rules = null, out = null;
        String context = null;
        long count = 100_000, seed = 1;
        int instruments = 6, types = 20, cases = 400, maxDates = 8, changed = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) { usage(); return; }
            if (i + 1 >= args.length) { usage(); throw new IllegalArgumentException("missing value for " + a); }
            String v = args[++i];
            switch (a) {
                case "--mappings" -> mappings = Path.of(v);
                case "--context" -> context = v;
                case "--rules" -> rules = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--count" -> count = Long.parseLong(v.replace("_", ""));
                case "--seed" -> seed = Long.parseLong(v);
                case "--instruments" -> instruments = Integer.parseInt(v);
                case "--types" -> types = Integer.parseInt(v);
                case "--cases" -> cases = Integer.parseInt(v);
                case "--max-dates" -> maxDates = Integer.parseInt(v);
                case "--changed-rmaps" -> changed = Integer.parseInt(v);
                default -> { usage(); throw new IllegalArgumentException("unknown option " + a); }
            }
        }
        if (out == null || (rules == null && (mappings == null || context == null))) {
            usage();
            throw new IllegalArgumentException("--out and either --rules or --mappings with --context are required");
        }
        if (rules != null) {
            SyntheticRules.Generated g = SyntheticRules.write(rules, new SyntheticRules.Options(instruments, types, cases, maxDates, seed));
            mappings = rules;
            context = g.contextName();
            System.out.printf(Locale.ROOT, "rules: %s/%s (%d Match cases)%n", rules, context, g.totalCases());
            if (changed > 0) {
                RulesChanges.Changed c = RulesChanges.write(rules, context, changed, 2, seed + 1);
                System.out.printf(Locale.ROOT, "changed rules: %s/%s (%d edits)%n", rules, c.contextName(), c.edits().size());
                for (String e : c.edits()) System.out.println("  " + e);
            }
        }
        long t0 = System.nanoTime();
        write(Context.load(mappings, context, LoadOptions.DEFAULT), count, seed, out);
        System.out.printf(Locale.ROOT, "wrote %,d datasets to %s in %.1f s%n", count, out, (System.nanoTime() - t0) / 1e9);
    }

    private static void usage() {
        System.err.println("usage: DatasetPopulation [--rules DIR [--instruments N] [--types M] [--cases K] [--max-dates D] "
                + "[--changed-rmaps R] | --mappings DIR --context NAME] --count N --out FILE.jsonl|FILE.crdsds [--seed S]");
    }

}
