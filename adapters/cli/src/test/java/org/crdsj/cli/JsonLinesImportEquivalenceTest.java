package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crdsj.engine.store.DatasetStoreWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast JSON Lines import (byte scanner, chunks on all cores) writes the same store bytes, or
 * fails with the same error, as the plain Jackson reading of every line.
 */
class JsonLinesImportEquivalenceTest {
    @TempDir Path tmp;

    /** The store bytes, or "ERROR: message". */
    private static String outcome(JsonHeaderSource source, boolean reference) {
        DatasetStoreWriter w = new DatasetStoreWriter();
        try {
            if (reference) source.forEachWithJackson(w);
            else source.forEach(w);
        } catch (Exception e) {
            return "ERROR: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return java.util.HexFormat.of().formatHex(w.toBytes());
    }

    private void assertSame(Path file) {
        String expected = outcome(new JsonHeaderSource(file, "f.jsonl"), true);
        for (int chunk : new int[] {64, 4096, JsonHeaderSource.CHUNK}) {
            String actual = outcome(new JsonHeaderSource(file, "f.jsonl", chunk), false);
            assertEquals(expected.startsWith("ERROR"), actual.startsWith("ERROR"), file + " chunk " + chunk + ": " + actual);
            if (expected.startsWith("ERROR")) assertEquals(expected, actual, file + " chunk " + chunk);
            else assertTrue(expected.equals(actual), file + " chunk " + chunk + ": store bytes differ");
        }
    }

    @Test
    void goldenHeaderFiles() throws Exception {
        for (String name : List.of("affected_hst_headers.jsonl", "affected_roman_headers.jsonl")) {
            Path in = ScratchCorpus.source().resolve("golden-affected").resolve(name);
            String expected = outcome(new JsonHeaderSource(in, name), true);
            assertTrue(!expected.startsWith("ERROR"), expected);
            assertSame(in);
        }
    }

    private static final String[] KEYS = {"INSTRUME", "instrume", "DETECTOR", "DATE-OBS", "TIME-OBS", "FILTER1", "CCDGAIN",
        "META.INSTRUMENT.NAME", "NOTE", "é", "A\\\"B", "id", "header"};
    private static final String[] VALUES = {"\"ACS\"", "\"acs\"", "\"hst\"", "\"wfii\"", "\"UNDEFINED\"", "\"WFC\"", "\"2003-01-01\"",
        "\"12:00:00\"", "1", "-0", "0", "1.5", "2.0", "1e10", "1E+3", "-2.5e-3", "12345678901234567890123", "true", "false", "null",
        "\"a\\\"b\"", "\"tab\\there\"", "\"\\u00e9t\\u00e9\"", "\"été\"", "\"日本\"", "\"😀\"", "\"\"", "\" spaced \"", "{\"x\": 1}",
        "[1, 2]", "[]", "{}", "\"back\\\\slash\"", "\"N/A\"", "\"ANY\"", "\"1.0\""};

    private static String header(Random r) {
        StringBuilder h = new StringBuilder("{");
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            if (i > 0) h.append(r.nextInt(4) == 0 ? " , " : ",");
            h.append('"').append(KEYS[r.nextInt(KEYS.length)]).append('"').append(r.nextBoolean() ? ":" : ": ");
            h.append(VALUES[r.nextInt(VALUES.length)]);
        }
        return h.append('}').toString();
    }

    private static String line(Random r, int i) {
        String id = "\"d" + i + "\"";
        return switch (r.nextInt(14)) {
            case 0 -> "{\"header\": " + header(r) + ", \"id\": " + id + "}";
            case 1 -> "  {\"id\":" + id + ",\"header\":" + header(r) + "}\t";
            case 2 -> "{\"" + "p" + i + "\": " + header(r) + "}"; // the --load-pickles form
            case 3 -> "";
            case 4 -> " \t ";
            case 5 -> "{\"id\": 7, \"header\": " + header(r) + "}";
            case 6 -> "{\"id\": " + id + ", \"extra\": [1], \"header\": " + header(r) + "}";
            case 7 -> "{\"id\": \"d\\u00e9" + i + "\", \"header\": " + header(r) + "}";
            case 8 -> "{\"id\": " + id + ", \"header\": " + header(r) + "} trailing";
            case 9 -> "{\"id\": " + id + ", \"header\": " + header(r) + ", \"id\": \"again" + i + "\"}";
            default -> "{\"id\": " + id + ", \"header\": " + header(r) + "}";
        };
    }

    @Test
    void awkwardValuesGiveTheSameStore() throws Exception {
        long seed = 20261123L;
        System.out.println("JsonLinesImportEquivalenceTest seed " + seed);
        Random r = new Random(seed);
        for (int file = 0; file < 12; file++) {
            StringBuilder text = new StringBuilder();
            int n = 200 + r.nextInt(2000);
            for (int i = 0; i < n; i++) {
                text.append(line(r, i));
                text.append(switch (r.nextInt(10)) { case 0 -> "\r\n"; case 1 -> "\r"; default -> "\n"; });
            }
            if (r.nextBoolean()) text.append(line(r, n)); // no line end at the end
            Path f = tmp.resolve("a" + file + ".jsonl");
            Files.writeString(f, text.toString(), StandardCharsets.UTF_8);
            assertSame(f);
        }
    }

    @Test
    void malformedLinesGiveTheSameError() throws Exception {
        List<String> bad = new ArrayList<>(List.of("{\"id\": \"x\", \"header\": {\"A\": 01}}", "{\"id\": \"x\", \"header\": {\"A\": 1.}}",
                "{\"id\": \"x\", \"header\": {\"A\": tru}}", "{\"id\": \"x\", \"header\": {\"A\": \"open}}", "{\"header\": {}}",
                "[1, 2]", "{\"id\": \"x\", \"header\": {\"A\": \"1\",}}", "not json", "{\"id\": \"x\" \"header\": {}}",
                "{\"id\": \"x\", \"header\": {\"A\": \"ctl\u0001\"}}", "{\"id\": \"x\", \"header\": {\"A\": -}}",
                "{\"id\": \"x\", \"header\": {\"A\": 1e}}", "\uFEFF{\"id\": \"x\", \"header\": {}}"));
        Random r = new Random(7);
        for (int k = 0; k < bad.size(); k++) {
            StringBuilder text = new StringBuilder();
            int before = r.nextInt(300);
            for (int i = 0; i < before; i++) text.append("{\"id\": \"d").append(i).append("\", \"header\": {\"INSTRUME\": \"ACS\"}}\n");
            text.append(bad.get(k)).append('\n');
            text.append("{\"id\": \"z\", \"header\": {}}\n");
            Path f = tmp.resolve("bad" + k + ".jsonl");
            Files.writeString(f, text.toString(), StandardCharsets.UTF_8);
            String expected = outcome(new JsonHeaderSource(f, "f.jsonl"), true);
            assertTrue(expected.startsWith("ERROR"), bad.get(k) + " -> " + expected);
            assertSame(f);
        }
        // bytes that are not UTF-8
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"id\": \"a\", \"header\": {}}\n{\"id\": \"b\", \"header\": {\"A\": \"".getBytes(StandardCharsets.US_ASCII));
        b.write(0xC3);
        b.writeBytes("\"}}\n".getBytes(StandardCharsets.US_ASCII));
        Path f = tmp.resolve("latin.jsonl");
        Files.write(f, b.toByteArray());
        assertSame(f);
    }

    @Test
    void fastPathKeepsNumberAndBooleanText() throws Exception {
        Path f = tmp.resolve("n.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"header\":{\"INSTRUME\":\"ACS\",\"X\":1.50,\"Y\":-0,\"Z\":true,\"W\":null,\"V\":2E+3}}\n");
        List<String> seen = new ArrayList<>();
        new JsonHeaderSource(f, "n.jsonl").forEach((id, h) -> seen.add(id + " " + h));
        assertEquals(List.of("a {INSTRUME=ACS, X=1.50, Y=-0, Z=True, V=2E+3}"), seen);
    }
}
