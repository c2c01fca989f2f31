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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DEV case of {@code golden-tools/newcontext_cases.jsonl}: the case's {@code argv} run
 * in-process from an empty working directory beside a scratch copy of the corpus mappings;
 * compared: every produced file byte for byte, the exit status, and the {@code Replaced ...} /
 * {@code Adjusting name ...} infos.
 */
class NewcontextGoldensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void everyDevCaseAgrees() throws IOException {
        Path goldens = ScratchCorpus.source().resolve("golden-tools/newcontext_cases.jsonl");
        int cases = 0, files = 0, filesAgree = 0, exitAgree = 0, infosAgree = 0;
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(goldens, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode c = JSON.readTree(line);
            cases++;
            Path root = ScratchCorpus.copyInto(temp.resolve("case" + cases), List.of("mappings"));
            Path work = Files.createDirectories(root.resolve("work"));
            List<String> argv = new ArrayList<>();
            c.get("argv").forEach(n -> argv.add(n.asText()));
            ToolRun run = ToolRun.run(work, ScratchCorpus.variables(root, c.get("observatory").asText()), argv);

            List<String> problems = new ArrayList<>();
            if (run.exitStatus() == c.get("exit_status").asInt()) exitAgree++;
            else problems.add("exit status " + run.exitStatus() + ", expected " + c.get("exit_status").asInt()
                    + " (log: " + run.stderr().strip() + ")");
            Map<String, String> expected = new TreeMap<>();
            JsonNode produced = c.get("produced");
            if (produced != null && !produced.isNull()) produced.fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
            Map<String, String> actual = written(work);
            for (Map.Entry<String, String> e : expected.entrySet()) {
                files++;
                String got = actual.get(e.getKey());
                if (e.getValue().equals(got)) filesAgree++;
                else problems.add(e.getKey() + (got == null ? " not written" : " differs: " + firstDifference(e.getValue(), got)));
            }
            for (String name : actual.keySet()) if (!expected.containsKey(name)) problems.add("unexpected file " + name);
            String infos = CappedLines.mismatch(c.get("infos"), run.infos());
            if (infos == null) infosAgree++;
            else problems.add("infos: " + infos);
            if (!problems.isEmpty()) failures.add(c.get("id").asText() + " -- " + String.join("; ", problems));
        }
        System.out.println("crds newcontext goldens: " + (cases - failures.size()) + "/" + cases + " cases agree");
        System.out.println("  produced files byte-identical " + filesAgree + "/" + files
                + ", exit status " + exitAgree + "/" + cases + ", infos " + infosAgree + "/" + cases);
        assertTrue(cases >= 10, "too few newcontext cases: " + cases);
        if (!failures.isEmpty()) fail(failures.size() + " cases differ:\n" + String.join("\n", failures));
    }

    private static Map<String, String> written(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) return "line " + (i + 1) + ": expected <" + e[i] + "> got <" + a[i] + ">";
        }
        return "line counts differ";
    }
}
