package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * The short-run paths of the command line give exactly what the general ones give: header lines
 * read with the streaming parser (tree reader for unusual lines) as the tree reader reads them,
 * result lines written with the streaming generator as data binding writes them, and a run that
 * registers only its subcommand as one that registers them all.
 */
class StartupPathsTest {
    private static final long SEED = 20261123L;

    private static final String[] KEYS = {"INSTRUME", "DETECTOR", "DATE-OBS", "TIME-OBS", "FILTER", "A", "a", "é"};

    private static String jsonString(Random r) {
        String[] pieces = {"ACS", "WFC", "2009-05-14", "N/A", "\\\"", "\\\\", "\\n", "\\u00e9", "é", "\\ud83d\\ude00", " ", "", "\\t", "x y"};
        StringBuilder sb = new StringBuilder("\"");
        for (int i = r.nextInt(4); i > 0; i--) sb.append(pieces[r.nextInt(pieces.length)]);
        return sb.append('"').toString();
    }

    private static String value(Random r, int depth) {
        switch (r.nextInt(depth > 1 ? 8 : 11)) {
            case 0: case 1: case 2: case 3: return jsonString(r);
            case 4: return r.nextBoolean() ? "true" : "false";
            case 5: return "null";
            case 6: return String.valueOf(r.nextInt(2000) - 1000);
            case 7: return new String[] {"1.5", "-0", "1e3", "2.50", "12345678901234567890", "0.1", "-0.0", "1E-7"}[r.nextInt(8)];
            case 8: return "[" + value(r, depth + 1) + "]";
            case 9: return "{\"k\": " + value(r, depth + 1) + "}";
            default: return "{}";
        }
    }

    private static String header(Random r) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = r.nextInt(5); i > 0; i--) {
            if (sb.length() > 1) sb.append(", ");
            sb.append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\": ");
            sb.append(r.nextInt(4) == 0 ? value(r, 0) : jsonString(r));
        }
        return sb.append('}').toString();
    }

    private static String line(Random r) {
        switch (r.nextInt(12)) {
            case 0: return "";
            case 1: return new String[] {"[]", "3", "null", "\"x\"", "{", "{\"header\": {}} x", "{\"header\": {}}{}", "  "}[r.nextInt(8)];
            default:
        }
        List<String> fields = new ArrayList<>();
        if (r.nextInt(5) > 0) fields.add("\"id\": " + (r.nextInt(4) == 0 ? value(r, 0) : jsonString(r)));
        if (r.nextInt(8) > 0) fields.add("\"header\": " + (r.nextInt(10) == 0 ? value(r, 0) : header(r)));
        if (r.nextInt(3) == 0) fields.add("\"mapping\": " + (r.nextBoolean() ? jsonString(r) : value(r, 0)));
        if (r.nextInt(6) == 0) fields.add("\"other\": " + value(r, 0));
        if (r.nextInt(10) == 0 && !fields.isEmpty()) fields.add(fields.get(r.nextInt(fields.size())));   // a field twice
        java.util.Collections.shuffle(fields, r);
        String line = "{" + String.join(", ", fields) + "}";
        if (r.nextInt(25) == 0) line = line.substring(0, r.nextInt(line.length()));   // cut short
        return line;
    }

    private static List<String> readAll(String text, boolean plainFirst) throws IOException {
        List<String> out = new ArrayList<>();
        long bad = HeaderLines.read(new BufferedReader(new StringReader(text)), "in.jsonl",
                d -> out.add(d.line() + " " + d.id() + " " + d.header().entrySet() + " " + d.mapping()), e -> out.add("bad " + e),
                plainFirst);
        out.add("bad lines " + bad);
        return out;
    }

    @Test
    void headerLinesReadAsTheTreeReaderReadsThem() throws IOException {
        Random r = new Random(SEED);
        System.out.println("StartupPathsTest header lines seed " + SEED);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) text.append(line(r)).append('\n');
        List<String> fast = readAll(text.toString(), true), tree = readAll(text.toString(), false);
        assertEquals(tree.size(), fast.size());
        for (int i = 0; i < tree.size(); i++) assertEquals(tree.get(i), fast.get(i), "entry " + i);
        long good = tree.stream().filter(s -> !s.startsWith("bad")).count();
        assertTrue(good > 5_000 && good < 19_000, "a mix of good and bad lines: " + good);
    }

    private static Object result(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 6 : 9)) {
            case 0: case 1: {
                StringBuilder sb = new StringBuilder();
                for (int i = r.nextInt(6); i > 0; i--) sb.appendCodePoint(new int[] {'a', '"', '\\', '\n', 0x01, 0xe9, 0x1F600, '/', 0x7f, 0x2028}[r.nextInt(10)]);
                return sb.toString();
            }
            case 2: return r.nextBoolean();
            case 3: return null;
            case 4: return r.nextInt();
            case 5: return r.nextLong();
            case 6: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) m.put(String.valueOf((char) ('a' + r.nextInt(5))) + "\u00e9\"", result(r, depth + 1));
                return m;
            }
            case 7: {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) l.add(result(r, depth + 1));
                return r.nextBoolean() ? l : Arrays.asList(l.toArray());
            }
            default: return r.nextInt(3) == 0 ? (Object) (r.nextDouble() * 1e10) : (Object) "n/a";
        }
    }

    @Test
    void resultLinesAreWrittenAsDataBindingWritesThem() throws IOException {
        Random r = new Random(SEED + 1);
        System.out.println("StartupPathsTest result lines seed " + (SEED + 1));
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", "d" + i);
            value.put("x", result(r, 0));
            StringWriter w = new StringWriter();
            ResultJson.writeLine(w, value);
            assertEquals(json.writeValueAsString(value) + "\n", w.toString(), "value " + i);
        }
    }

    private static String run(Path dir, boolean wholeTree, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        ToolEnvironment env = new ToolEnvironment(dir, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = CrdsCommand.run(env, wholeTree, args);
        return status + "\n" + out.toString(StandardCharsets.UTF_8) + "\n--\n" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunWithItsSubcommandAloneBehavesAsWithAll(@TempDir Path dir) {
        Command about = CrdsCommand.class.getAnnotation(Command.class);
        int compared = 0;
        for (Class<?> c : about.subcommands()) {
            String name = c.getAnnotation(Command.class).name();
            for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--version"), List.of(name, "--no-such-option"),
                    List.of(name), List.of(name, "--he"))) {
                String[] a = args.toArray(new String[0]);
                assertEquals(run(dir, true, a), run(dir, false, a), String.join(" ", args));
                compared++;
            }
        }
        assertTrue(compared >= 50, "command lines compared: " + compared);
    }
}
