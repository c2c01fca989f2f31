package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus's affected-datasets goldens ({@code golden-affected/affected_*.jsonl}), every flag set,
 * run through {@code crds bestrefs} three ways: the golden's own {@code --load-pickles} form, the
 * headers as JSON Lines ({@code --headers}), and a dataset store ({@code --datasets}). Compared:
 * affected ids and new-reference lines exactly (a line whose CRDS text carries a Python
 * exception's message is compared up to {@code not found}), exit status, error and warning counts.
 */
class AffectedGoldensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void everyFlagSetAgreesWithCrds() throws Exception {
        Path root = ScratchCorpus.copyInto(tmp.resolve("corpus"));
        Path goldens = ScratchCorpus.source().resolve("golden-affected");
        Map<String, int[]> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String file : List.of("affected_hst.jsonl", "affected_roman.jsonl")) {
            for (String line : Files.readAllLines(goldens.resolve(file))) {
                if (line.isBlank()) continue;
                JsonNode g = JSON.readTree(line);
                String obs = g.get("observatory").asText();
                Path headers = goldens.resolve(g.get("datasets_file").asText());
                Path pickles = tmp.resolve(obs + "_datasets.json");
                Path store = tmp.resolve(obs + ".crdsds");
                if (!Files.exists(pickles)) {
                    writePickles(headers, pickles);
                    ToolRun imp = ToolRun.run(root, ScratchCorpus.variables(root, obs),
                            List.of("store", "import", "--from", headers.toString(), "--to", store.toString()));
                    assertTrue(imp.exitStatus() == 0, "import: " + imp.stderr());
                }
                List<String> flags = new ArrayList<>();
                g.get("flags").forEach(f -> flags.add(f.asText()));
                for (String mode : List.of("load-pickles", "headers", "datasets")) {
                    List<String> argv = new ArrayList<>(List.of("bestrefs", "--old-context", g.get("old_context").asText(),
                            "--new-context", g.get("new_context").asText()));
                    switch (mode) {
                        case "load-pickles" -> argv.addAll(List.of("--load-pickles", pickles.toString()));
                        case "headers" -> argv.addAll(List.of("--headers", headers.toString()));
                        default -> argv.addAll(List.of("--datasets", store.toString()));
                    }
                    argv.addAll(flags);
                    argv.add("--no-summary");
                    ToolRun run = ToolRun.run(root, ScratchCorpus.variables(root, obs), argv);
                    String problem = mismatch(g, run);
                    String key = file + " " + g.get("flag_set").asText();
                    int[] row = table.computeIfAbsent(key, k -> new int[2]);
                    row[1]++;
                    if (problem == null) row[0]++;
                    else failures.add(key + " [" + mode + "]: " + problem);
                }
            }
        }
        System.out.println("Affected-datasets goldens (runs agreeing / runs: load-pickles, headers, datasets):");
        table.forEach((k, v) -> System.out.printf("  %-55s %d/%d%n", k, v[0], v[1]));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void jsonReportAndSummary() throws Exception {
        Path root = ScratchCorpus.copyInto(tmp.resolve("corpus"));
        Path goldens = ScratchCorpus.source().resolve("golden-affected");
        JsonNode g = JSON.readTree(Files.readAllLines(goldens.resolve("affected_roman.jsonl")).get(1));   // reprocessing
        List<String> argv = new ArrayList<>(List.of("bestrefs", "--old-context", g.get("old_context").asText(),
                "--new-context", g.get("new_context").asText(), "--headers", goldens.resolve(g.get("datasets_file").asText()).toString()));
        g.get("flags").forEach(f -> argv.add(f.asText()));
        argv.add("--json");
        ToolRun run = ToolRun.run(root, ScratchCorpus.variables(root, "roman"), argv);
        assertTrue(run.stdout().size() == 1, run.stdout().toString());
        JsonNode report = JSON.readTree(run.stdout().get(0));
        org.junit.jupiter.api.Assertions.assertEquals(g.get("affected_ids"), report.get("affected_ids"));
        org.junit.jupiter.api.Assertions.assertEquals(g.get("error_count").asInt(), report.get("error_count").asInt());
        org.junit.jupiter.api.Assertions.assertEquals(g.get("exit_status").asInt(), report.get("exit_status").asInt());
        org.junit.jupiter.api.Assertions.assertEquals(g.get("exit_status").asInt(), run.exitStatus());
        List<String> lines = texts(report.get("new_references"));
        lines.sort(null);
        org.junit.jupiter.api.Assertions.assertEquals(texts(g.get("new_references")), lines);
        assertTrue(report.get("summary").has("wfi"), report.toString());

        argv.remove("--json");
        ToolRun text = ToolRun.run(root, ScratchCorpus.variables(root, "roman"), argv);
        assertTrue(text.stderr().contains("Comparison roman_9000.pmap -> roman_9001.pmap: 89 datasets compared, 38 with updates, 38 affected products, 99 errors"), text.stderr());
        assertTrue(text.infos().stream().anyMatch(m -> m.startsWith("Affected products = " + g.get("affected_ids").size())),
                text.infos().toString());
    }

    /** Null when the run gives the golden's answers, else the first difference. */
    private static String mismatch(JsonNode g, ToolRun run) {
        List<String> expectedIds = texts(g.get("affected_ids"));
        List<String> expectedRefs = texts(g.get("new_references"));
        List<String> refs = new ArrayList<>(), ids = new ArrayList<>();
        for (String l : run.stdout()) (l.contains(" ") ? refs : ids).add(l);
        refs.sort(null);
        if (!ids.equals(expectedIds)) return "affected ids differ: expected " + expectedIds.size() + ", got " + ids.size()
                + firstDifference(expectedIds, ids);
        List<String> a = comparable(expectedRefs), b = comparable(refs);
        if (!a.equals(b)) return "new references differ: expected " + a.size() + ", got " + b.size() + firstDifference(a, b);
        if (run.exitStatus() != g.get("exit_status").asInt()) return "exit status " + run.exitStatus();
        int errors = run.errors().size();
        if (errors != g.get("error_count").asInt()) return "errors: expected " + g.get("error_count").asInt() + ", got " + errors;
        if (run.warnings().size() != g.get("warning_count").asInt()) return "warnings: " + run.warnings();
        return null;
    }

    /**
     * New-reference lines as compared: a line carrying a failed side whose CRDS message holds a
     * Python exception's text ({@code exception is ...}, {@code not enough values ...}) is compared
     * up to {@code not found}.
     */
    private static List<String> comparable(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            int nf = l.indexOf(" not found");
            boolean python = l.contains("exception is") || l.contains("not enough values") || l.contains("unpack")
                    || l.contains("keyerror") || l.contains("valueerror");
            out.add(nf >= 0 && python ? l.substring(0, nf + " not found".length()) : l);
        }
        out.sort(null);
        return out;
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        return "; missing " + missing.subList(0, Math.min(3, missing.size())) + ", extra " + extra.subList(0, Math.min(3, extra.size()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The corpus headers in CRDS's {@code --load-pickles} form: one {"<id>": {header}} per line. */
    static void writePickles(Path headers, Path pickles) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(pickles, StandardCharsets.UTF_8)) {
            for (String line : Files.readAllLines(headers)) {
                if (line.isBlank()) continue;
                JsonNode d = JSON.readTree(line);
                w.write(JSON.writeValueAsString(Map.of(d.get("id").asText(), d.get("header"))));
                w.write('\n');
            }
        }
    }
}
