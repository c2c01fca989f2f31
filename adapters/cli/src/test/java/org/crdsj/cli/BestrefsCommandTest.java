package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crds bestrefs} end to end on the example context and the golden corpus contexts. */
class BestrefsCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Path EXAMPLES = ROOT.resolve("examples/context");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    private List<JsonNode> run(int expectedStatus, String... args) throws Exception {
        Path out = tmp.resolve("out.jsonl");
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--no-cache");
        all.add("--output");
        all.add(out.toString());
        assertEquals(expectedStatus, CrdsCommand.run(all.toArray(String[]::new)));
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out)) lines.add(JSON.readTree(l));
        return lines;
    }

    @Test
    void badLinesAreSkippedAndTheRunExitsNonZero() throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": \"a\", \"header\": {\"INSTRUME\": \"COS\", \"DETECTOR\": \"FUV\", \"DATE-OBS\": \"2010-03-15\", \"TIME-OBS\": \"12:00:00\"}}",
                "{not json",
                "{\"id\": \"b\"}",
                "{\"id\": \"c\", \"header\": {\"INSTRUME\": \"NOPE\"}}") + "\n");
        List<JsonNode> out = run(1, "bestrefs", "--mappath", EXAMPLES.toString(), "--context", "hst_0100.pmap",
                "--headers", in.toString());
        assertEquals(2, out.size(), "the two good lines are answered");
        assertEquals("a", out.get(0).get("id").asText());
        assertEquals("NOT FOUND n/a", out.get(0).get("bestrefs").get("tracetab").asText());
        assertEquals("na", out.get(0).get("categories").get("tracetab").asText());
        assertEquals("unknown_instrument", out.get(1).get("error").get("category").asText());
    }

    @Test
    void perLineMappingSelectsAnRmapAndOmittedIsNull() throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": \"r\", \"mapping\": \"hst_cos_deadtab_0100.rmap\", \"header\": {\"DETECTOR\": \"FUV\", "
                + "\"DEADCORR\": \"PERFORM\", \"DATE-OBS\": \"2010-03-15\", \"TIME-OBS\": \"12:00:00\"}}\n");
        List<JsonNode> out = run(0, "bestrefs", "--mappath", EXAMPLES.toString(), "--context", "hst_0100.pmap",
                "--headers", in.toString());
        JsonNode refs = out.get(0).get("bestrefs");
        assertEquals(1, refs.size());
        assertTrue(refs.get("deadtab").isTextual());
    }

    @Test
    void comparingTwoContextsListsOnlyDifferingTypes() throws Exception {
        Path corpus = ROOT.resolve("../shared/corpus/mappings");
        assertTrue(Files.isDirectory(corpus), "the golden corpus is needed at " + corpus);
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": \"cos\", \"header\": {\"INSTRUME\": \"COS\", \"DETECTOR\": \"FUV\", \"DATE-OBS\": \"2010-01-01\", \"TIME-OBS\": \"00:00:00\"}}",
                "{\"id\": \"bad\", \"header\": {\"INSTRUME\": \"NIRCAM\"}}") + "\n");
        List<JsonNode> out = run(0, "bestrefs", "--mappath", corpus.toString(), "--old-context", "hst_9000.pmap",
                "--new-context", "hst_9001.pmap", "--headers", in.toString());
        JsonNode cos = out.get(0);
        assertTrue(cos.get("differs").asBoolean());
        assertTrue(cos.get("differences").has("xtractab"), "COS xtractab changes from OMIT to an rmap");
        assertTrue(cos.get("differences").get("xtractab").get(0).isNull(), "omitted on the old side");
        assertFalse(cos.get("differences").has("flatfile"));
        JsonNode bad = out.get(1);
        assertEquals("unknown_instrument", bad.get("old_error").get("category").asText());
        assertTrue(bad.get("differences").isEmpty());
    }

    @Test
    void anExplicitDatasetsSinceDateIsReadInAnyFormCrdsReads() throws Exception {
        Path corpus = ROOT.resolve("../shared/corpus/mappings");
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\": \"early\", \"header\": {\"INSTRUME\": \"COS\", \"DETECTOR\": \"FUV\", \"DATE-OBS\": \"2001-01-01\", \"TIME-OBS\": \"00:00:00\"}}",
                "{\"id\": \"late\", \"header\": {\"INSTRUME\": \"COS\", \"DETECTOR\": \"FUV\", \"DATE-OBS\": \"2010-01-01\", \"TIME-OBS\": \"00:00:00\"}}")
                + "\n");
        List<String> base = List.of("bestrefs", "--no-cache", "--mappath", corpus.toString(), "--old-context", "hst_9000.pmap",
                "--new-context", "hst_9001.pmap", "--headers", in.toString(), "--print-affected");
        List<List<String>> printed = new ArrayList<>();
        for (String date : List.of("1990-01-01 00:00:00", "2005-01-01 00:00:00", "Jan 01 2005", "01/01/2005 00:00", "AUTO")) {
            List<String> argv = new ArrayList<>(base);
            argv.add("--datasets-since=" + date);
            ToolRun r = ToolRun.run(tmp, java.util.Map.of(), argv);
            assertEquals(0, r.exitStatus(), date);
            printed.add(r.stdout().stream().filter(l -> !l.startsWith(" ") && !l.startsWith("Comparison")).toList());
        }
        assertEquals(List.of("early", "late"), printed.get(0), "both datasets changed");
        for (int i = 1; i < 4; i++) {
            assertEquals(List.of("late"), printed.get(i), "each spelling of 2005-01-01 keeps only the later dataset");
        }
        assertEquals(printed.get(0), printed.get(4), "AUTO is auto: these moves date from before 2001");
        List<String> bad = new ArrayList<>(base);
        bad.add("--datasets-since=not a date");
        ToolRun r = ToolRun.run(tmp, java.util.Map.of(), bad);
        assertEquals(2, r.exitStatus());
        assertTrue(r.stdout().isEmpty(), "nothing compared for a bad date");
    }

    @Test
    void brokenRulesStopTheRunWithAPositionedError() throws Exception {
        Path rmap = tmp.resolve("hst_cos_deadtab_9999.rmap");
        Files.writeString(rmap, Files.readString(EXAMPLES.resolve("hst_cos_deadtab_0100.rmap")).replace("Match(", "Matchh("));
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"id\": \"x\", \"header\": {}}\n");
        int status = CrdsCommand.run("bestrefs", "--no-cache", "--no-checksum", "--context", rmap.toString(), "--headers", in.toString(),
                "--output", tmp.resolve("o.jsonl").toString());
        assertEquals(2, status);
        assertFalse(Files.exists(tmp.resolve("o.jsonl")), "no half-written output");
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    @Test
    void pathsResolveAgainstTheWorkingDirectoryAndLongOptionsMayBeAbbreviated() {
        ToolRun run = ToolRun.run(ROOT.resolve("examples"), java.util.Map.of(),
                List.of("crds", "bestrefs", "--mapp", "context", "--cont", "hst_0100.pmap", "--head", "datasets.jsonl", "--no-cache"));
        assertEquals(0, run.exitStatus(), run.stderr());
        assertEquals(20, run.stdout().size(), "one answer per example dataset");
    }

    @Test
    void mappathComesFromTheEnvironmentWhenNotGiven() {
        ToolRun run = ToolRun.run(ROOT, java.util.Map.of("CRDS_MAPPATH", "examples/context"),
                List.of("bestrefs", "--context", "hst_0100.pmap", "--headers", "examples/datasets.jsonl", "--no-cache"));
        assertEquals(0, run.exitStatus(), run.stderr());
        assertEquals(20, run.stdout().size());
    }
}
