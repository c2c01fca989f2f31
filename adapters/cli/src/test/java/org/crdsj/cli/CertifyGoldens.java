package org.crdsj.cli;

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
import java.util.regex.Pattern;

/**
 * Runs certify golden cases ({@code certify_reference_cases.jsonl}, {@code certify_mapping_cases.jsonl})
 * unchanged from a scratch corpus and compares exit status, error and warning counts and the
 * error and warning lines (numpy 2 {@code np.<type>(...)} wrappers removed on both sides).
 */
final class CertifyGoldens {
    private CertifyGoldens() {}

    private static final Pattern NP_WRAPPER = Pattern.compile("np\\.[a-z_0-9]+\\(([^()]*)\\)");

    record Outcome(String id, String file, String firstDifference) {
        boolean agrees() {
            return firstDifference == null;
        }
    }

    static List<JsonNode> cases(String fileName) throws IOException {
        Path golden = ScratchCorpus.source().resolve("golden-tools").resolve(fileName);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(golden, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(json.readTree(line));
        return out;
    }

    static Outcome run(Path root, JsonNode c) {
        List<String> argv = new ArrayList<>();
        c.get("argv").forEach(a -> argv.add(a.asText()));
        Map<String, String> vars = ScratchCorpus.variables(root, c.get("observatory").asText());
        ToolRun r = ToolRun.run(root, vars, argv);
        String diff = null;
        if (r.exitStatus() != c.get("exit_status").asInt()) diff = "exit status " + r.exitStatus() + " != " + c.get("exit_status").asInt();
        else if (r.errors().size() != c.get("error_count").asInt()) diff = "error count " + r.errors().size() + " != " + c.get("error_count").asInt();
        else if (r.warnings().size() != c.get("warning_count").asInt()) diff = "warning count " + r.warnings().size() + " != " + c.get("warning_count").asInt();
        if (diff == null) diff = lines("errors", c.get("errors"), r.errors());
        if (diff == null) diff = lines("warnings", c.get("warnings"), r.warnings());
        if (diff != null) {
            diff += "\n  errors: " + r.errors() + "\n  warnings: " + r.warnings();
        }
        return new Outcome(c.get("id").asText(), c.get("file").asText(), diff);
    }

    private static String lines(String what, JsonNode capped, List<String> actual) {
        List<String> got = new ArrayList<>();
        for (String a : actual) got.add(strip(a));
        JsonNode lines = capped.get("lines");
        if (capped.get("count").asInt() <= lines.size()) {
            List<String> want = new ArrayList<>();
            lines.forEach(l -> want.add(strip(l.asText())));
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                if (!want.get(i).equals(got.get(i))) return what + " line " + (i + 1) + ":\n  expected " + want.get(i) + "\n  got      " + got.get(i);
            }
            return want.size() == got.size() ? null : what + ": expected " + want.size() + " lines, got " + got.size();
        }
        String m = CappedLines.mismatch(capped, got);
        return m == null ? null : what + ": " + m;
    }

    static String strip(String s) {
        String prev;
        do {
            prev = s;
            s = NP_WRAPPER.matcher(s).replaceAll("$1");
        } while (!s.equals(prev));
        return s;
    }

    /**
     * Runs every case of a corpus file from a scratch copy of the corpus, prints the agreement
     * table and fails naming the first disagreeing case.
     */
    static void assertEveryCaseAgrees(Path scratch, String casesFile, String title) throws IOException {
        Path root = ScratchCorpus.copyInto(scratch);
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode c : cases(casesFile)) outcomes.add(run(root, c));
        List<Outcome> failing = report(title, outcomes);
        org.junit.jupiter.api.Assertions.assertTrue(failing.isEmpty(), failing.size() + " of " + outcomes.size() + " " + title
                + " cases disagree; first: " + (failing.isEmpty() ? "" : failing.get(0).id() + ": " + failing.get(0).firstDifference()));
    }

    /** Prints agreement per file and overall; returns the failing outcomes. */
    static List<Outcome> report(String title, List<Outcome> outcomes) {
        Map<String, int[]> perFile = new TreeMap<>();
        List<Outcome> failing = new ArrayList<>();
        for (Outcome o : outcomes) {
            int[] counts = perFile.computeIfAbsent(o.file(), k -> new int[2]);
            counts[1]++;
            if (o.agrees()) counts[0]++;
            else failing.add(o);
        }
        StringBuilder b = new StringBuilder("\n" + title + " agreement per file\n");
        for (Map.Entry<String, int[]> e : perFile.entrySet()) {
            b.append(String.format("  %-70s %3d/%-3d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        int agree = outcomes.size() - failing.size();
        b.append(String.format("  TOTAL %d/%d (%.1f%%)%n", agree, outcomes.size(), 100.0 * agree / Math.max(1, outcomes.size())));
        for (Outcome o : failing) b.append("  FAIL ").append(o.id()).append(": ").append(o.firstDifference()).append('\n');
        System.out.println(b);
        return failing;
    }
}
