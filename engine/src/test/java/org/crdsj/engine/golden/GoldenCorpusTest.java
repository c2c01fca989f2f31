package org.crdsj.engine.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.bestrefs.Result;
import org.crdsj.engine.rules.LoadOptions;
import org.crdsj.engine.rules.MappingLoader;
import org.crdsj.engine.rules.MappingLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of every file in the golden corpus, raw and conditioned, and requires exact
 * agreement with CRDS under the corpus README's comparison rules. Prints a per-file table.
 */
@Execution(ExecutionMode.SAME_THREAD)
class GoldenCorpusTest {
    private static final Map<String, int[]> TABLE = new TreeMap<>();   // file -> cases, raw ok, cond cases, cond ok
    private final Map<String, Context> contexts = new HashMap<>();

    static Stream<String> goldenFiles() throws Exception {
        try (Stream<Path> s = Files.list(Corpus.root().resolve("golden"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void agreesWithCrds(String file) {
        List<JsonNode> cases = Corpus.lines(Corpus.root().resolve("golden").resolve(file));
        assertTrue(cases.size() > 0, "no cases in " + file);
        List<String> mismatches = new ArrayList<>();
        int rawOk = 0, condCases = 0, condOk = 0;
        for (JsonNode c : cases) {
            String id = c.get("id").asText();
            Map<String, String> header = Corpus.header(c);
            for (boolean conditioned : new boolean[] {false, true}) {
                JsonNode expected = c.get(conditioned ? "expected_conditioned" : "expected");
                if (expected == null || expected.isNull()) continue;
                String problem;
                try {
                    problem = check(c, header, expected, conditioned);
                } catch (RuntimeException e) {
                    problem = "raised " + e;
                }
                if (conditioned) condCases++;
                if (problem == null) {
                    if (conditioned) condOk++; else rawOk++;
                } else {
                    mismatches.add(id + (conditioned ? " [conditioned]" : " [raw]") + ": " + problem);
                }
            }
        }
        synchronized (TABLE) { TABLE.put(file, new int[] {cases.size(), rawOk, condCases, condOk}); }
        if (!mismatches.isEmpty()) {
            StringBuilder sb = new StringBuilder(mismatches.size() + " disagreements with CRDS in " + file + ":\n");
            mismatches.stream().limit(40).forEach(m -> sb.append("  ").append(m).append('\n'));
            throw new AssertionError(sb.toString());
        }
    }

    @AfterAll
    static void printTable() {
        StringBuilder sb = new StringBuilder("\nGolden corpus agreement (CRDS 13.2.7)\n");
        sb.append(String.format("%-34s %7s %14s %16s%n", "file", "cases", "raw", "conditioned"));
        TABLE.forEach((f, t) -> sb.append(String.format("%-34s %7d %7d %5.1f%% %8s %6s%n", f, t[0], t[1],
                100.0 * t[1] / t[0], t[2] == 0 ? "n/a" : String.valueOf(t[3]),
                t[2] == 0 ? "" : String.format("%5.1f%%", 100.0 * t[3] / t[2]))));
        System.out.println(sb);
    }

    // ------------------------------------------------------------------------------------

    private String check(JsonNode c, Map<String, String> header, JsonNode expected, boolean conditioned) {
        String obs = c.get("observatory").asText();
        String kind = c.get("kind").asText();
        Context ctx = context(obs, c.get("mapping").asText());
        switch (kind) {
            case "rmap": {
                BestRefs refs = conditioned ? ctx.bestrefs(header) : ctx.raw(header);
                return compareRmap(expected, refs.results().values().iterator().next());
            }
            case "context":
                return compareContext(expected, conditioned ? ctx.bestrefs(header) : ctx.raw(header));
            case "context_diff": {
                Context other = context(obs, c.get("new_mapping").asText());
                BestRefs a = conditioned ? ctx.bestrefs(header) : ctx.raw(header);
                BestRefs b = conditioned ? other.bestrefs(header) : other.raw(header);
                return compareDiff(expected, a, b);
            }
            default:
                return "unknown case kind " + kind;
        }
    }

    private Context context(String obs, String mapping) {
        return contexts.computeIfAbsent(obs + "/" + mapping, k -> new Context(
                new MappingLoader(new MappingLocator(Corpus.mappings()), LoadOptions.DEFAULT)
                        .loadFile(Corpus.mappings().resolve(obs).resolve(mapping))));
    }

    private static String compareRmap(JsonNode e, Result r) {
        String result = e.get("result").asText();
        switch (result) {
            case "file":
                return r instanceof Result.File f && f.name().equals(e.get("value").asText()) ? null : diff(e, r);
            case "multiple": {
                Object v = BestRefs.crdsValue(r);
                List<String> want = new ArrayList<>();
                e.get("value").forEach(n -> want.add(n.asText()));
                return want.equals(v) ? null : diff(e, r);
            }
            case "na":
                return r instanceof Result.NotApplicable ? null : diff(e, r);
            case "omit":
                return r instanceof Result.Omitted ? null : diff(e, r);
            case "error":
                return r instanceof Result.NotFound nf && nf.category().id().equals(e.get("category").asText())
                        ? null : diff(e, r);
            default:
                return "unknown expected result " + result;
        }
    }

    private static String diff(JsonNode expected, Result got) {
        return "expected " + expected + " got " + got;
    }

    private static String compareContext(JsonNode e, BestRefs refs) {
        if (e.get("result").asText().equals("error")) {
            if (!refs.isFailed()) return "expected whole-header error " + e.get("category") + ", got " + refs.crdsDict();
            String cat = refs.failure().get().category().id();
            return cat.equals(e.get("category").asText()) ? null : "expected " + e + " got " + refs.failure().get();
        }
        if (refs.isFailed()) return "expected refs, got failure " + refs.failure().get();
        Map<String, Object> got = refs.crdsDict();
        JsonNode want = e.get("refs");
        Set<String> keys = new LinkedHashSet<>();
        want.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(got.keySet())) return "types differ: expected " + keys + " got " + got.keySet();
        for (String k : keys) {
            String problem = compareValue(want.get(k), e.get("categories").get(k), got.get(k), refs.get(k));
            if (problem != null) return k + ": " + problem;
        }
        return null;
    }

    /** One type's value under the README's rules: exact strings; NOT FOUND compared by category. */
    private static String compareValue(JsonNode want, JsonNode wantCategory, Object got, Result result) {
        if (want == null || want.isNull()) return got == null ? null : "expected absent, got " + got;
        if (want.isArray()) {
            List<String> w = new ArrayList<>();
            want.forEach(n -> w.add(n.asText()));
            return w.equals(got) ? null : "expected " + w + " got " + got;
        }
        String w = want.asText();
        if (w.startsWith("NOT FOUND") && !w.equals("NOT FOUND n/a")) {
            if (result == null || result.category() == null || wantCategory == null) return "expected " + w + " got " + got;
            return result.category().id().equals(wantCategory.asText()) ? null
                    : "expected [" + wantCategory.asText() + "] " + w + " got [" + result.category().id() + "] " + got;
        }
        return w.equals(got) ? null : "expected " + w + " got " + got;
    }

    private static String compareDiff(JsonNode e, BestRefs a, BestRefs b) {
        JsonNode oldErr = e.get("old_error"), newErr = e.get("new_error");
        if (oldErr != null || newErr != null) {
            String p1 = compareWhole(oldErr, a), p2 = compareWhole(newErr, b);
            if (p1 != null) return "old side: " + p1;
            if (p2 != null) return "new side: " + p2;
            return null;
        }
        if (a.isFailed() || b.isFailed()) return "unexpected failure " + a.failure() + " / " + b.failure();
        Map<String, Object> da = a.crdsDict(), db = b.crdsDict();
        Set<String> differing = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>(da.keySet());
        all.addAll(db.keySet());
        for (String k : all) if (!Objects.equals(da.get(k), db.get(k))) differing.add(k);
        JsonNode want = e.get("differences");
        Set<String> wantKeys = new LinkedHashSet<>();
        want.fieldNames().forEachRemaining(wantKeys::add);
        if (!wantKeys.equals(differing)) return "differing types: expected " + wantKeys + " got " + differing;
        for (String k : wantKeys) {
            JsonNode pair = want.get(k);
            String p1 = compareValue(pair.get(0), null, da.get(k), a.get(k));
            String p2 = compareValue(pair.get(1), null, db.get(k), b.get(k));
            if (p1 != null && !notFoundSameKind(pair.get(0), a.get(k))) return k + " old: " + p1;
            if (p2 != null && !notFoundSameKind(pair.get(1), b.get(k))) return k + " new: " + p2;
        }
        return null;
    }

    /** Diff cases carry no categories: a NOT FOUND other than n/a agrees with any NOT FOUND error. */
    private static boolean notFoundSameKind(JsonNode want, Result got) {
        return want != null && want.isTextual() && want.asText().startsWith("NOT FOUND")
                && !want.asText().equals("NOT FOUND n/a") && got instanceof Result.NotFound;
    }

    private static String compareWhole(JsonNode err, BestRefs side) {
        if (err == null || err.isNull()) return side.isFailed() ? "unexpected failure " + side.failure().get() : null;
        if (!side.isFailed()) return "expected failure " + err;
        return side.failure().get().category().id().equals(err.get("category").asText()) ? null
                : "expected " + err + " got " + side.failure().get();
    }
}
