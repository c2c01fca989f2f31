package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crdsj.engine.diff.DiffOptions;
import org.crdsj.engine.diff.Difference;
import org.crdsj.engine.diff.RulesDiff;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.Mapping;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DEV case of {@code golden-tools/refactor_insert_cases.jsonl}: the case's {@code argv} run
 * unchanged, in-process, from a scratch copy of the corpus root (output in {@code out/}, emptied
 * before each case). Compared as the corpus README says: the written rmap byte for byte (or
 * nothing written), the exit status, the errors, and the logical differences between the old and
 * the new rmap. Prints an agreement table per origin (single / batch) and observatory.
 */
class RefactorInsertGoldensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyDevCaseAgrees() throws IOException {
        Path goldens = ScratchCorpus.source().resolve("golden-tools/refactor_insert_cases.jsonl");
        Path root = ScratchCorpus.copyInto(temp.resolve("corpus"), List.of("mappings", "references", "tpns"));
        Map<String, int[]> table = new TreeMap<>();
        int[] columns = new int[5];   // cases, text, exit, errors, differences
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(goldens, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode c = JSON.readTree(line);
            Path out = root.resolve("out");
            clear(out);
            Files.createDirectories(out);
            List<String> argv = new ArrayList<>();
            c.get("argv").forEach(n -> argv.add(n.asText()));
            ToolRun run = ToolRun.run(root, ScratchCorpus.variables(root, c.get("observatory").asText()), argv);

            List<String> problems = new ArrayList<>();
            columns[0]++;
            Path written = root.resolve(c.get("new_rmap").asText());
            String expectedText = c.get("new_rmap_text").isNull() ? null : c.get("new_rmap_text").asText();
            String actualText = Files.exists(written) ? Files.readString(written, StandardCharsets.UTF_8) : null;
            if (expectedText == null ? actualText == null : expectedText.equals(actualText)) columns[1]++;
            else problems.add(expectedText == null ? "wrote a file where CRDS wrote none"
                    : actualText == null ? "wrote nothing" : "text differs: " + firstDifference(expectedText, actualText));
            if (run.exitStatus() == c.get("exit_status").asInt()) columns[2]++;
            else problems.add("exit status " + run.exitStatus() + ", expected " + c.get("exit_status").asInt());
            List<String> expectedErrors = new ArrayList<>();
            c.get("errors").forEach(n -> expectedErrors.add(n.asText()));
            if (expectedErrors.equals(run.errors())) columns[3]++;
            else problems.add("errors: expected " + expectedErrors + "\n   got " + run.errors());
            String diffProblem = differences(root, c, actualText != null);
            if (diffProblem == null) columns[4]++;
            else problems.add("differences: " + diffProblem);

            String group = c.get("origin").asText() + "/" + c.get("observatory").asText();
            int[] row = table.computeIfAbsent(group, k -> new int[2]);
            row[1]++;
            if (problems.isEmpty()) row[0]++;
            else failures.add(c.get("id").asText() + " -- " + String.join("; ", problems));
        }
        StringBuilder report = new StringBuilder("crds refactor insert goldens: " + (columns[0] - failures.size()) + "/" + columns[0] + " cases agree\n");
        table.forEach((k, v) -> report.append(String.format("  %-16s %3d / %3d%n", k, v[0], v[1])));
        report.append(String.format("  rmap text %d/%d, exit status %d/%d, errors %d/%d, differences %d/%d%n",
                columns[1], columns[0], columns[2], columns[0], columns[3], columns[0], columns[4], columns[0]));
        System.out.print(report);
        failures.forEach(f -> System.out.println("FAIL " + f));
        assertTrue(columns[0] >= 50, "too few refactor cases: " + columns[0]);
        if (!failures.isEmpty()) fail(failures.size() + " cases differ; first: " + failures.get(0));
    }

    /** The logical differences old -> new against the golden's (none expected when nothing was written). */
    private static String differences(Path root, JsonNode c, boolean written) {
        JsonNode expected = c.get("differences");
        if (!written) return expected == null || expected.isNull() || expected.isEmpty() ? null : "nothing written";
        if (expected == null || expected.isNull()) return null;
        Mapping old, neu;
        try {
            MappingLoader loader = new MappingLoader(new MappingLocator(root.resolve("mappings")), new LoadOptions(false));
            old = loader.loadFile(root.resolve(c.get("old_rmap").asText()));
            neu = loader.loadFile(root.resolve(c.get("new_rmap").asText()));
        } catch (RuntimeException e) {
            return "load failed: " + e.getMessage();
        }
        List<Difference> actual = RulesDiff.differences(old, c.get("old_rmap").asText(), neu, c.get("new_rmap").asText(), DiffOptions.DEFAULT);
        if (actual.size() != expected.size()) return "expected " + expected.size() + " got " + actual.size() + " " + actual;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode tuple = expected.get(i);
            List<List<String>> steps = new ArrayList<>();
            for (int j = 0; j < tuple.size() - 1; j++) {
                List<String> s = new ArrayList<>();
                tuple.get(j).forEach(n -> s.add(n.asText()));
                steps.add(s);
            }
            String e = Difference.repr(steps, tuple.get(tuple.size() - 1).asText());
            String a = actual.get(i).repr();
            if (!e.equals(a)) return "[" + i + "] expected " + e + " got " + a;
        }
        return null;
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.delete(p);
        }
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) return "line " + (i + 1) + ": expected <" + e[i] + "> got <" + a[i] + ">";
        }
        return "line counts differ (" + e.length + " vs " + a.length + ")";
    }
}
