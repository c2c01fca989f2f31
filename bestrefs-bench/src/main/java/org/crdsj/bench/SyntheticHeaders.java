package org.crdsj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.InstrumentContext;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.PipelineContext;
import org.crdsj.engine.rules.ReferenceMapping;
import org.crdsj.engine.select.Choice;
import org.crdsj.engine.select.MatchSelector;
import org.crdsj.engine.select.Selection;
import org.crdsj.engine.select.Selector;
import org.crdsj.engine.select.match.GlobMatcher;
import org.crdsj.engine.select.match.Matcher;
import org.crdsj.engine.select.match.MatcherKind;

/**
 * Seeded dataset headers for any loaded context (typically one from {@link SyntheticRules}),
 * written as JSON Lines: {@code {"id": "...", "header": {"KEY": "value", ...}}}, string values.
 *
 * <p>Each dataset picks an instrument, then a value for every Match parameter of the instrument's
 * rmaps. Values come from the rules: the generator walks the rmaps and takes one case of each
 * that agrees with what is chosen so far, so most datasets match most types; rarely (2% of
 * values) a value the rules never mention is used instead. Datasets are skewed like real ones:
 * parameter tuples are drawn from a pool with a Zipf-like (1/rank) popularity, and only the
 * observation date (uniform over the 30 years the synthetic rules span) is new for each dataset.
 * Values taken from the rules are in their conditioned form ({@code 1062.0} for a rule's
 * {@code 1062}), which conditions to itself.
 */
public final class SyntheticHeaders {

    /** One generated dataset: an id and its header (keyword to string value). */
    public record Dataset(String id, Map<String, String> header) {
        public Dataset {
            header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        }
    }

    private static final double OTHER_VALUE_RATE = 0.02;
    private static final int CASE_PROBES = 256;

    private SyntheticHeaders() {}

    /** What the generator needs to know about one instrument: its keyword value and Match rmaps. */
    private record Target(String instrumentKey, String instrument, List<ReferenceMapping> rmaps,
                          Map<String, List<String>> ruleValues, List<List<String>> dateParams,
                          Set<String> switches) {}

    /** {@code count} datasets for {@code context}; the same seed gives the same datasets. */
    public static List<Dataset> generate(Context context, int count, long seed) {
        List<Dataset> out = new ArrayList<>(count);
        generate(context, count, seed, out::add);
        return out;
    }

    /**
     * As {@link #generate(Context, int, long)}, handing each dataset to {@code sink} as it is made
     * (for populations too large to hold): the same seed gives the same datasets, in id order.
     */
    public static void generate(Context context, long count, long seed, java.util.function.Consumer<Dataset> sink) {
        generate(context, count, seed, false, sink);
    }

    /**
     * {@code count} datasets that each draw their own parameter tuple (no popularity pool), so
     * nearly every one is a combination of values not seen before (as far as the rules allow:
     * a small rmap has few combinations). For measuring lookups that a memory of earlier
     * combinations cannot answer.
     */
    public static List<Dataset> generateDistinct(Context context, int count, long seed) {
        List<Dataset> out = new ArrayList<>(count);
        generate(context, count, seed, true, out::add);
        return out;
    }

    private static void generate(Context context, long count, long seed, boolean distinct,
                                 java.util.function.Consumer<Dataset> sink) {
        Random rnd = new Random(seed);
        List<Target> targets = targets(context.mapping());
        if (targets.isEmpty()) throw new IllegalArgumentException("no rmaps in " + context.name());
        int poolSize = distinct ? 0 : (int) Math.max(8, Math.min(4096, count / 8));
        List<Map<String, String>> pool = new ArrayList<>(poolSize);
        List<Target> poolTargets = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Target t = targets.get(rnd.nextInt(targets.size()));
            pool.add(tuple(rnd, t));
            poolTargets.add(t);
        }
        String idFormat = count <= 10_000_000L ? "synth-%07d" : "synth-%010d";
        for (long n = 0; n < count; n++) {
            Target t;
            Map<String, String> h;
            if (distinct) {
                t = targets.get(rnd.nextInt(targets.size()));
                h = tuple(rnd, t);
            } else {
                int k = SyntheticRules.zipf(rnd, poolSize);
                t = poolTargets.get(k);
                h = new TreeMap<>(pool.get(k));
            }
            String when = SyntheticRules.dateTime(rnd.nextLong(SyntheticRules.SPAN_SECONDS));
            for (List<String> params : t.dateParams()) {
                if (params.size() == 2) {
                    h.put(params.get(0), when.substring(0, 10));
                    h.put(params.get(1), when.substring(11));
                } else {
                    for (String p : params) h.put(p, when);
                }
            }
            Map<String, String> header = new LinkedHashMap<>();
            if (t.instrumentKey() != null) header.put(t.instrumentKey(), t.instrument().toUpperCase(Locale.ROOT));
            header.putAll(h);
            sink.accept(new Dataset(String.format(Locale.ROOT, idFormat, n), header));
        }
    }

    /** One parameter tuple: consistent cases of the instrument's rmaps, gaps filled from rule values. */
    private static Map<String, String> tuple(Random rnd, Target t) {
        Map<String, String> chosen = new TreeMap<>();
        List<ReferenceMapping> order = new ArrayList<>(t.rmaps());
        Collections.shuffle(order, rnd);
        for (ReferenceMapping r : order) {
            if (!(r.selector() instanceof MatchSelector m) || m.selections().isEmpty()) continue;
            int n = m.selections().size();
            for (int probe = 0; probe < CASE_PROBES; probe++) {
                int entry = rnd.nextInt(n);
                if (agrees(m, entry, chosen)) {
                    adopt(rnd, m, entry, chosen);
                    break;
                }
            }
        }
        for (Map.Entry<String, List<String>> e : t.ruleValues().entrySet()) {
            List<String> values = e.getValue();
            if (!chosen.containsKey(e.getKey()) && !values.isEmpty()) {
                chosen.put(e.getKey(), values.get(rnd.nextInt(values.size())));
            }
        }
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            if (rnd.nextDouble() < OTHER_VALUE_RATE) e.setValue(otherValue(rnd, e.getValue()));
        }
        for (String s : t.switches()) chosen.put(s, "PERFORM");
        return chosen;
    }

    /** True when no element of the case rules out a value already chosen. */
    private static boolean agrees(MatchSelector m, int entry, Map<String, String> chosen) {
        List<String> params = m.parameters();
        for (int p = 0; p < params.size(); p++) {
            String v = chosen.get(params.get(p));
            if (v != null && m.matcher(entry, p).match(v) == Matcher.NO_MATCH) return false;
        }
        return true;
    }

    /** Takes the case's literal values (one alternative of an or-glob) for parameters not yet chosen. */
    private static void adopt(Random rnd, MatchSelector m, int entry, Map<String, String> chosen) {
        List<String> params = m.parameters();
        for (int p = 0; p < params.size(); p++) {
            if (chosen.containsKey(params.get(p))) continue;
            List<String> plain = plainValues(m.matcher(entry, p));
            if (!plain.isEmpty()) chosen.put(params.get(p), plain.get(rnd.nextInt(plain.size())));
        }
    }

    /** The values a key element names outright: a literal, or the wildcard-free parts of an or-glob. */
    private static List<String> plainValues(Matcher m) {
        if (m.kind() == MatcherKind.LITERAL) return List.of(m.key());
        if (!(m instanceof GlobMatcher g)) return List.of();
        List<String> plain = new ArrayList<>();
        for (String a : g.alternatives()) {
            if (a.indexOf('*') < 0 && a.indexOf('?') < 0 && a.indexOf('[') < 0) plain.add(a);
        }
        return plain;
    }

    /** A value of the same flavour (number or word) that rules are unlikely to mention. */
    private static String otherValue(Random rnd, String like) {
        boolean numeric = !like.isEmpty() && (Character.isDigit(like.charAt(0)) || like.charAt(0) == '-');
        return numeric ? (5000 + rnd.nextInt(5000)) + ".0" : "ZZ" + Integer.toString(rnd.nextInt(36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
    }

    private static List<Target> targets(Mapping mapping) {
        List<Target> out = new ArrayList<>();
        if (mapping instanceof PipelineContext p) {
            for (InstrumentContext i : p.imaps()) out.add(target(p.instrumentKey(), i.instrument(), i.rmaps()));
        } else if (mapping instanceof InstrumentContext i) {
            out.add(target(null, i.instrument(), i.rmaps()));
        } else {
            out.add(target(null, null, List.of((ReferenceMapping) mapping)));
        }
        return out;
    }

    private static Target target(String key, String instrument, List<ReferenceMapping> rmaps) {
        Map<String, Set<String>> values = new TreeMap<>();
        Set<List<String>> dates = new LinkedHashSet<>();
        Set<String> switches = new TreeSet<>();
        for (ReferenceMapping r : rmaps) {
            String sw = r.header().string("reffile_switch", "NONE").toUpperCase(Locale.ROOT);
            if (!sw.equals("NONE")) switches.add(sw);
            if (!(r.selector() instanceof MatchSelector m)) continue;
            for (int p = 0; p < m.parameters().size(); p++) {
                Set<String> vs = values.computeIfAbsent(m.parameters().get(p), k -> new TreeSet<>());
                for (int e = 0; e < m.selections().size(); e++) vs.addAll(plainValues(m.matcher(e, p)));
            }
            for (Selection s : m.selections()) {
                if (s.choice() instanceof Choice.Nested n) {
                    Selector nested = n.selector();
                    if (nested.kind().equals("UseAfter")) dates.add(nested.parameters());
                    break;  // every case of a rmap nests the same kind of selector
                }
            }
        }
        Map<String, List<String>> ruleValues = new TreeMap<>();
        values.forEach((k, v) -> ruleValues.put(k, List.copyOf(v)));
        return new Target(key, instrument, rmaps, ruleValues, new ArrayList<>(dates), switches);
    }

    // ------------------------------------------------------------------ JSON Lines

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes one {@code {"id":..., "header":{...}}} object per line. */
    public static void writeJsonl(List<Dataset> datasets, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Dataset d : datasets) {
                ObjectNode o = JSON.createObjectNode();
                o.put("id", d.id());
                ObjectNode h = o.putObject("header");
                d.header().forEach(h::put);
                w.write(JSON.writeValueAsString(o));
                w.write('\n');
            }
        }
    }

    /**
     * Reads datasets from JSON Lines with an {@code id} and a {@code header} object (the format
     * written here and the golden corpus's). Non-string values are kept as their JSON text,
     * {@code null} as null (Python's None); with {@code mapping} non-null only lines whose
     * {@code mapping} field equals it are kept.
     */
    public static List<Dataset> readJsonl(Path file, String mapping) throws IOException {
        List<Dataset> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode o = JSON.readTree(line);
                if (mapping != null && !mapping.equals(o.path("mapping").asText(null))) continue;
                Map<String, String> h = new LinkedHashMap<>();
                o.path("header").properties().forEach(e -> h.put(e.getKey(),
                        e.getValue().isNull() ? null : e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
                out.add(new Dataset(o.path("id").asText(), h));
            }
        }
        return out;
    }

    /**
     * Command line: {@code --mappings DIR --context NAME --out FILE [--count N] [--seed S]}.
     */
    public static void main(String[] args) throws IOException {
        Path mappings = null, out = null;
        String context = null;
        int count = 10_000;
        long seed = 1L;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) { usage(); return; }
            if (i + 1 >= args.length) { usage(); throw new IllegalArgumentException("missing value for " + a); }
            String v = args[++i];
            switch (a) {
                case "--mappings": mappings = Path.of(v); break;
                case "--context": context = v; break;
                case "--out": out = Path.of(v); break;
                case "--count": count = Integer.parseInt(v); break;
                case "--seed": seed = Long.parseLong(v); break;
                default: usage(); throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (mappings == null || context == null || out == null) {
            usage();
            throw new IllegalArgumentException("--mappings, --context and --out are required");
        }
        List<Dataset> ds = generate(Context.load(mappings, context), count, seed);
        writeJsonl(ds, out);
        System.out.printf(Locale.ROOT, "wrote %d headers to %s%n", ds.size(), out);
    }

    private static void usage() {
        System.err.println("usage: SyntheticHeaders --mappings DIR --context NAME --out FILE [--count N] [--seed S]");
    }
}
