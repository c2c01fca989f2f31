package org.crdsj.engine.diff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.RulesException;
import org.junit.jupiter.api.Test;

/**
 * The engine's logical differences against CRDS's, case by case from the corpus's
 * {@code golden-tools/diff_cases.jsonl}: {@code differences}, {@code header_differences},
 * {@code error} (only that loading fails), {@code affected} and {@code affected_modes}.
 */
class RulesDiffGoldenTest {

    @Test
    void everyDevCaseAgrees() {
        Path root = Corpus.root();
        List<JsonNode> cases = Corpus.lines(root.resolve("golden-tools/diff_cases.jsonl"));
        Map<String, int[]> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String problem = check(root, c);
            int[] row = table.computeIfAbsent(c.get("relation").asText(), k -> new int[2]);
            row[1]++;
            if (problem == null) row[0]++;
            else failures.add(c.get("id").asText() + ": " + problem);
        }
        StringBuilder report = new StringBuilder("diff goldens (engine): relation agree/total\n");
        table.forEach((k, v) -> report.append(String.format("  %-32s %4d / %4d%n", k, v[0], v[1])));
        System.out.print(report);
        failures.forEach(f -> System.out.println("FAIL " + f));
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases differ; first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
    }

    private static String check(Path root, JsonNode c) {
        Mapping old, neu;
        try {
            MappingLoader loader = new MappingLoader(new MappingLocator(root.resolve("mappings")), new LoadOptions(false));
            old = loader.loadFile(root.resolve(c.get("old").asText()));
            neu = loader.loadFile(root.resolve(c.get("new").asText()));
        } catch (RulesException e) {
            return c.get("error").isNull() ? "load failed: " + e.getMessage() : null;
        }
        if (!c.get("error").isNull()) return "loaded, but CRDS failed: " + c.get("error");
        String oldLabel = c.get("old").asText(), newLabel = c.get("new").asText();
        List<Difference> plain = RulesDiff.differences(old, oldLabel, neu, newLabel, DiffOptions.DEFAULT);
        List<Difference> all = RulesDiff.differences(old, oldLabel, neu, newLabel, DiffOptions.WITH_HEADERS);
        List<Difference> headers = new ArrayList<>();
        for (Difference d : all) if (d.isHeader()) headers.add(d);
        String p = compare("differences", c.get("differences"), c.get("differences_count").asInt(), plain);
        if (p != null) return p;
        p = compare("header_differences", c.get("header_differences"), c.get("header_differences_count").asInt(), headers);
        if (p != null) return p;
        if (all.size() != plain.size() + headers.size()) return "header differences changed the others";
        if (c.has("affected") && !c.get("affected").isNull()) {
            Map<String, List<String>> expected = new TreeMap<>();
            c.get("affected").fields().forEachRemaining(e -> {
                List<String> kinds = new ArrayList<>();
                e.getValue().forEach(k -> kinds.add(k.asText()));
                kinds.sort(null);
                expected.put(e.getKey(), kinds);
            });
            Map<String, List<String>> actual = new TreeMap<>(RulesDiff.affectedTypes(old, neu, false));
            if (!expected.equals(actual)) return "affected: expected " + expected + " got " + actual;
            Map<String, List<String>> withHeaders = new TreeMap<>(RulesDiff.affectedTypes(old, neu, true));
            if (!expected.equals(withHeaders)) return "affected (with headers): expected " + expected + " got " + withHeaders;
        }
        List<String> modes = new ArrayList<>();
        for (AffectedMode m : RulesDiff.affectedModes(plain)) modes.add(m.format());
        JsonNode capped = c.get("affected_modes");
        List<String> expectedModes = new ArrayList<>();
        capped.get("lines").forEach(n -> expectedModes.add(n.asText()));
        if (capped.get("count").asInt() != modes.size()) return "affected_modes: expected " + capped.get("count") + " got " + modes.size() + " " + modes;
        for (int i = 0; i < expectedModes.size(); i++) {
            if (!expectedModes.get(i).equals(modes.get(i))) return "affected_modes line " + i + ": expected " + expectedModes.get(i) + " got " + modes.get(i);
        }
        return null;
    }

    private static String compare(String what, JsonNode expected, int count, List<Difference> actual) {
        if (actual.size() != count) {
            return what + ": expected " + count + " got " + actual.size()
                    + (actual.isEmpty() ? "" : "; first " + actual.get(0)) + (expected.isEmpty() ? "" : "; expected first " + expected.get(0));
        }
        for (int i = 0; i < expected.size(); i++) {
            String e = jsonTuple(expected.get(i));
            String a = actual.get(i).repr();
            if (!e.equals(a)) return what + "[" + i + "]: expected " + e + "\n   got " + a;
        }
        return null;
    }

    /** The golden's JSON array form of a tuple, printed the way Difference.repr prints one. */
    private static String jsonTuple(JsonNode tuple) {
        List<List<String>> steps = new ArrayList<>();
        for (int i = 0; i < tuple.size() - 1; i++) {
            List<String> s = new ArrayList<>();
            tuple.get(i).forEach(n -> s.add(n.asText()));
            steps.add(s);
        }
        return Difference.repr(steps, tuple.get(tuple.size() - 1).asText());
    }

}
