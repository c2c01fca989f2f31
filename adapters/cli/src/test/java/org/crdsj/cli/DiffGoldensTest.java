package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crdsj.engine.diff.DiffOptions;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.diff.RulesDiff;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.crdsj.engine.rules.RulesException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crds diff} against CRDS 13.2.7 on every DEV case of {@code golden-tools/diff_cases.jsonl}:
 * the logical differences with and without headers and the affected types (engine API), and each
 * recorded command line (default, {@code --include-header-diffs}, {@code --brief --squash-tuples},
 * {@code --print-affected-modes}) run from a scratch copy of the corpus: exit status, standard
 * output, errors and warnings. A mapping CRDS could not load must fail to load here too (exit
 * status 1, nothing on standard output, the failure logged as an error).
 */
class DiffGoldensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHECKS = List.of("differences", "header_differences", "cli.default",
            "cli.include_header_diffs", "cli.brief_squash", "affected", "affected_modes");

    @TempDir Path tmp;

    @Test
    void everyDevCaseAgrees() throws IOException {
        Path root = ScratchCorpus.copyInto(tmp.resolve("corpus"));
        List<JsonNode> cases = read(ScratchCorpus.source().resolve("golden-tools/diff_cases.jsonl"));
        Map<String, Map<String, int[]>> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            Map<String, String> problems = check(root, c);
            Map<String, int[]> row = table.computeIfAbsent(c.get("relation").asText(), k -> new LinkedHashMap<>());
            for (String check : CHECKS) {
                if (!problems.containsKey(check)) continue;
                int[] cell = row.computeIfAbsent(check, k -> new int[2]);
                cell[1]++;
                if (problems.get(check) == null) cell[0]++;
                else failures.add(c.get("id").asText() + " [" + check + "]: " + problems.get(check));
            }
        }
        printTable(table);
        failures.forEach(f -> System.out.println("FAIL " + f));
        assertTrue(failures.isEmpty(), failures.size() + " checks differ; first: " + (failures.isEmpty() ? "" : failures.get(0)));
    }

    /** Each applicable check of one case: null when it agrees, else its first difference. */
    private static Map<String, String> check(Path root, JsonNode c) {
        Map<String, String> out = new LinkedHashMap<>();
        String obs = c.get("observatory").asText();
        Map<String, String> vars = ScratchCorpus.variables(root, obs);
        boolean broken = !c.get("error").isNull();
        for (Map.Entry<String, JsonNode> v : fields(c.get("cli"))) {
            List<String> argv = new ArrayList<>();
            v.getValue().get("argv").forEach(a -> argv.add(a.asText()));
            ToolRun run = ToolRun.run(root, vars, argv);
            out.put("cli." + v.getKey(), broken ? brokenRun(run, v.getValue()) : compareRun(run, v.getValue()));
        }
        if (broken) {
            out.put("differences", loads(root, c) ? "loaded, but CRDS failed: " + c.get("error") : null);
            return out;
        }
        Mapping old, neu;
        try {
            MappingLoader loader = new MappingLoader(new MappingLocator(root.resolve("mappings")), new LoadOptions(false));
            old = loader.loadFile(root.resolve(c.get("old").asText()));
            neu = loader.loadFile(root.resolve(c.get("new").asText()));
        } catch (RulesException e) {
            out.put("differences", "cannot load: " + e.getMessage());
            return out;
        }
        String a = c.get("old").asText(), b = c.get("new").asText();
        List<Difference> plain = RulesDiff.differences(old, a, neu, b, DiffOptions.DEFAULT);
        List<Difference> headers = new ArrayList<>();
        for (Difference d : RulesDiff.differences(old, a, neu, b, DiffOptions.WITH_HEADERS)) if (d.isHeader()) headers.add(d);
        out.put("differences", compareTuples(c.get("differences"), c.get("differences_count").asInt(), plain));
        out.put("header_differences", compareTuples(c.get("header_differences"), c.get("header_differences_count").asInt(), headers));
        if (c.has("affected") && !c.get("affected").isNull()) {
            Map<String, List<String>> expected = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : fields(c.get("affected"))) {
                List<String> kinds = new ArrayList<>();
                e.getValue().forEach(k -> kinds.add(k.asText()));
                kinds.sort(null);
                expected.put(e.getKey(), kinds);
            }
            Map<String, List<String>> actual = new TreeMap<>(RulesDiff.affectedTypes(old, neu));
            out.put("affected", expected.equals(actual) ? null : "expected " + expected + " got " + actual);
        }
        ToolRun modes = ToolRun.run(root, vars, List.of("crds", "diff", a, b, "--print-affected-modes"));
        out.put("affected_modes", CappedLines.mismatch(c.get("affected_modes"), modes.stdout()));
        return out;
    }

    private static boolean loads(Path root, JsonNode c) {
        try {
            MappingLoader loader = new MappingLoader(new MappingLocator(root.resolve("mappings")), new LoadOptions(false));
            loader.loadFile(root.resolve(c.get("old").asText()));
            loader.loadFile(root.resolve(c.get("new").asText()));
            return true;
        } catch (RulesException e) {
            return false;
        }
    }

    private static String compareRun(ToolRun run, JsonNode expected) {
        if (run.exitStatus() != expected.get("exit_status").asInt()) {
            return "exit status " + run.exitStatus() + ", expected " + expected.get("exit_status") + "; stderr: " + run.stderr();
        }
        String m = CappedLines.mismatch(expected.get("stdout"), run.stdout());
        if (m != null) return "stdout: " + m;
        m = CappedLines.mismatch(expected.get("errors"), run.errors());
        if (m != null) return "errors: " + m;
        m = CappedLines.mismatch(expected.get("warnings"), run.warnings());
        return m == null ? null : "warnings: " + m;
    }

    /** CRDS died loading the mapping: we must fail the same way, and say why. */
    private static String brokenRun(ToolRun run, JsonNode expected) {
        if (run.exitStatus() != expected.get("exit_status").asInt()) return "exit status " + run.exitStatus() + ": " + run.stderr();
        if (!run.stdout().isEmpty()) return "printed " + run.stdout();
        if (run.errors().isEmpty() || !run.errors().get(0).startsWith("Cannot load mapping")) return "no load error logged: " + run.stderr();
        return null;
    }

    private static String compareTuples(JsonNode expected, int count, List<Difference> actual) {
        if (actual.size() != count) return "expected " + count + " tuples, got " + actual.size();
        for (int i = 0; i < expected.size(); i++) {
            JsonNode t = expected.get(i);
            List<List<String>> steps = new ArrayList<>();
            for (int k = 0; k < t.size() - 1; k++) {
                List<String> s = new ArrayList<>();
                t.get(k).forEach(n -> s.add(n.asText()));
                steps.add(s);
            }
            String e = Difference.repr(steps, t.get(t.size() - 1).asText());
            if (!e.equals(actual.get(i).repr())) return "tuple " + i + ": expected " + e + "\n  got " + actual.get(i).repr();
        }
        return null;
    }

    private static void printTable(Map<String, Map<String, int[]>> table) {
        StringBuilder sb = new StringBuilder("crds diff goldens: agreeing / total per relation and check\n");
        sb.append(String.format("  %-30s", "relation"));
        for (String c : CHECKS) sb.append(String.format(" %-24s", c));
        sb.append('\n');
        table.forEach((relation, row) -> {
            sb.append(String.format("  %-30s", relation));
            for (String c : CHECKS) {
                int[] cell = row.get(c);
                sb.append(String.format(" %-24s", cell == null ? "-" : cell[0] + "/" + cell[1]));
            }
            sb.append('\n');
        });
        System.out.print(sb);
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        n.fields().forEachRemaining(out::add);
        return out;
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) if (!line.isBlank()) out.add(JSON.readTree(line));
        }
        return out;
    }
}
