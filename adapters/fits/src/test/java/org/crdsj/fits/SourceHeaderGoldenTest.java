package org.crdsj.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.rules.PipelineContext;
import org.junit.jupiter.api.Test;

/**
 * Golden: the header of every context case taken from a real dataset file (its {@code source})
 * equals CRDS's {@code get_minimum_header(file)} when read from the corpus's copy of that file.
 */
class SourceHeaderGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path corpus() {
        String root = System.getProperty("crds.corpus");
        if (root == null || !Files.isDirectory(Path.of(root))) {
            throw new IllegalStateException("the golden corpus is missing (system property crds.corpus = " + root + ")");
        }
        return Path.of(root);
    }

    @Test
    void headersReadFromDatasetFilesEqualCrdsMinimumHeaders() throws Exception {
        Path corpus = corpus();
        Map<String, int[]> table = new TreeMap<>();   // instrument -> {agree, total}
        List<String> failures = new ArrayList<>();
        Map<String, Context> contexts = new LinkedHashMap<>();
        int cases = 0;
        for (String obs : List.of("hst", "jwst", "roman")) {
            Path file = corpus.resolve("golden/context_cases_" + obs + ".jsonl");
            if (!Files.exists(file)) continue;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.isBlank()) continue;
                    JsonNode c = JSON.readTree(line);
                    if (!c.hasNonNull("source")) continue;
                    String source = c.get("source").asText();
                    String prefix = "test/data/";
                    Path dataset = corpus.resolve("datasets").resolve(source.startsWith(prefix) ? source.substring(prefix.length()) : source);
                    if (!Files.exists(dataset)) continue;
                    cases++;
                    Map<String, String> expected = new LinkedHashMap<>();
                    c.get("header").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
                    String instrument = expected.getOrDefault("INSTRUME", "?");
                    int[] row = table.computeIfAbsent(obs + " " + instrument, k -> new int[2]);
                    row[1]++;
                    Context ctx = contexts.computeIfAbsent(c.get("mapping").asText(), m -> Context.load(corpus.resolve("mappings"), m));
                    Map<String, String> actual;
                    try {
                        actual = DatasetHeader.minimum((PipelineContext) ctx.mapping(), DatasetHeader.read(dataset));
                    } catch (Exception e) {
                        failures.add(c.get("id").asText() + " (" + source + "): " + e);
                        continue;
                    }
                    if (actual.equals(expected) && List.copyOf(actual.keySet()).equals(List.copyOf(expected.keySet()))) {
                        row[0]++;
                    } else {
                        failures.add(c.get("id").asText() + " (" + source + "): first difference " + firstDifference(expected, actual));
                    }
                }
            }
        }
        System.out.println("Dataset headers read from FITS/GEIS files vs CRDS get_minimum_header:");
        System.out.printf("  %-20s %7s %7s%n", "instrument", "agree", "cases");
        table.forEach((k, v) -> System.out.printf("  %-20s %7d %7d%n", k, v[0], v[1]));
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertTrue(cases > 0, "no context case names a dataset file of the corpus");
        assertEquals(List.of(), failures);
    }

    private static String firstDifference(Map<String, String> expected, Map<String, String> actual) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String a = actual.get(e.getKey());
            if (!e.getValue().equals(a)) return e.getKey() + ": expected " + e.getValue() + ", read " + a;
        }
        for (String k : actual.keySet()) if (!expected.containsKey(k)) return "extra key " + k;
        return "key order: expected " + expected.keySet() + ", read " + actual.keySet();
    }
}
