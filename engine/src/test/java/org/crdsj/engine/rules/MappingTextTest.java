package org.crdsj.engine.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.crdsj.engine.golden.Corpus;
import org.crdsj.grammar.MappingParser;
import org.crdsj.grammar.RulesSyntaxException;
import org.crdsj.grammar.syntax.MappingSyntax;
import org.crdsj.grammar.syntax.SourcePos;
import org.crdsj.grammar.syntax.Value;
import org.junit.jupiter.api.Test;

/** The canonical printer against CRDS: round trips over the corpus and the checksum goldens' rewrites. */
class MappingTextTest {

    @Test
    void printsTheCanonicalLayout() {
        String text = "header = {'parkey' : (('DETECTOR',), ('DATE-OBS', 'TIME-OBS')), 'name' : 'x.rmap',\n"
                + "  'relevance' : {'b' : '2', 'a' : 1e3}, 'sha1sum' : 'old'}  # dropped\n"
                + "comment = 'notes'\n"
                + "selector = Match({('B',) : UseAfter({'2001-01-01 00:00:00' : 'b.fits'}), 'A10' : 'x', 'A9' : ('y', 'z')})\n";
        String expected = "header = {\n"
                + "    'name' : 'x.rmap',\n"
                + "    'parkey' : (('DETECTOR',), ('DATE-OBS', 'TIME-OBS')),\n"
                + "    'relevance' : {\n"
                + "        'a' : 1000.0,\n"
                + "        'b' : '2',\n"
                + "    },\n"
                + "    'sha1sum' : 'old',\n"
                + "}\n\n"
                + "comment = \"\"\"notes\"\"\"\n\n"
                + "selector = Match({\n"
                + "    'A10' : 'x',\n"
                + "    'A9' : ('y', 'z'),\n"
                + "    ('B',) : UseAfter({\n"
                + "        '2001-01-01 00:00:00' : 'b.fits',\n"
                + "    }),\n"
                + "})\n";
        assertEquals(expected, MappingText.format(MappingParser.parse(text, "x.rmap")));
    }

    @Test
    void repeatedKeysKeepTheFirstKeyAndTheLastValue() {
        String text = "header = {'name' : 'a', 'name' : 'b'}\nselector = {'X' : '1', 'X' : '2'}\n";
        String out = MappingText.format(MappingParser.parse(text, "x.pmap"));
        assertEquals("header = {\n    'name' : 'b',\n}\n\nselector = {\n    'X' : '2',\n}\n", out);
    }

    @Test
    void checksumIsOfTheWrittenTextAndStable() {
        MappingSyntax m = MappingParser.parse("header = {'name' : 'x.pmap'}\nselector = {'A' : 'a.imap'}\n", "x.pmap");
        String written = MappingText.withChecksum(m);
        MappingSyntax again = MappingParser.parse(written, "x.pmap");
        String stored = ((Value.Str) PythonKey.stringKeyed(again.header()).get("sha1sum")).value();
        assertEquals(Checksums.compute(written), stored);
        assertEquals(written, MappingText.withChecksum(again));
    }

    /** parse -> print -> parse gives the same mapping (Python semantics), and printing is idempotent. */
    @Test
    void roundTripsEveryCorpusMapping() throws IOException {
        List<Path> files = corpusMappings();
        int printed = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            MappingSyntax original;
            try {
                original = MappingParser.parse(read(f), f.getFileName().toString());
            } catch (RulesSyntaxException e) {
                continue;   // files CRDS cannot parse have no canonical text
            }
            String once = MappingText.format(original);
            MappingSyntax reparsed = MappingParser.parse(once, f.getFileName().toString());
            if (!canonical(original).equals(canonical(reparsed))) failures.add(f + ": reparsed mapping differs");
            if (!once.equals(MappingText.format(reparsed))) failures.add(f + ": printing is not idempotent");
            printed++;
        }
        System.out.println("MappingText round trip: " + printed + " of " + files.size() + " corpus mappings");
        assertTrue(printed > 100, "too few corpus mappings parsed: " + printed);
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    /**
     * Every rewrite in the checksum goldens: the text CRDS wrote (or the unchanged file) is what
     * {@link MappingText#withChecksum} prints, byte for byte.
     */
    @Test
    void reproducesEveryRewriteOfTheChecksumGoldens() throws IOException {
        Path root = Corpus.root();
        int checked = 0, canonicalAlready = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode c : Corpus.lines(root.resolve("golden-tools/checksum_cases.jsonl"))) {
            JsonNode rewrite = c.get("rewrite");
            if (rewrite.get("exit_status").asInt() != 0) continue;
            String text = c.hasNonNull("text") ? c.get("text").asText() : read(root.resolve(c.get("mapping").asText()));
            String name = Path.of(c.get("mapping").asText()).getFileName().toString();
            String out = MappingText.withChecksum(MappingParser.parse(text, name));
            String sha1 = sha1(out.getBytes(StandardCharsets.UTF_8));
            checked++;
            if (!rewrite.get("changed").asBoolean()) {
                canonicalAlready++;
                if (!c.hasNonNull("text") && !out.equals(text)) failures.add(c.get("id").asText() + ": canonical file not reproduced");
            }
            if (!sha1.equals(rewrite.get("file_sha1").asText())) {
                String expected = rewrite.hasNonNull("text") ? rewrite.get("text").asText() : text;
                failures.add(c.get("id").asText() + ": " + firstDifference(expected, out));
            }
        }
        System.out.println("MappingText vs checksum rewrites: " + (checked - failures.size()) + "/" + checked
                + " agree (" + canonicalAlready + " already canonical)");
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    // ------------------------------------------------------------------ helpers

    static List<Path> corpusMappings() throws IOException {
        try (Stream<Path> s = Files.walk(Corpus.mappings())) {
            return s.filter(p -> p.toString().matches(".*\\.[pir]map$")).sorted().toList();
        }
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    private static String sha1(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) return "line " + (i + 1) + ": expected <" + e[i] + "> got <" + a[i] + ">";
        }
        return "line counts differ: expected " + e.length + ", got " + a.length;
    }

    /** A mapping as Python sees it: dicts collapsed and ordered, floats by value, no positions. */
    private static List<Object> canonical(MappingSyntax m) {
        List<Object> out = new ArrayList<>();
        out.add(canonical(m.header()));
        out.add(canonical(m.selector()));
        out.add(m.comment() == null || m.comment().isEmpty() ? "" : m.comment());
        return out;
    }

    private static Object canonical(Value v) {
        if (v instanceof Value.Flt f) return "float:" + MappingText.repr(f);
        if (v instanceof Value.Tuple t) return t.items().stream().map(MappingTextTest::canonical).toList();
        if (v instanceof Value.ListVal l) return List.of("list", l.items().stream().map(MappingTextTest::canonical).toList());
        if (v instanceof Value.Dict d) {
            List<List<Object>> entries = new ArrayList<>();
            for (Value.Entry e : PythonKey.dictItems(d)) entries.add(List.of(canonical(e.key()), canonical(e.value())));
            entries.sort(Comparator.comparing(Object::toString));
            return List.of("dict", entries);
        }
        if (v instanceof Value.Call c) return List.of("call", c.selector(), canonical(c.selections()));
        if (v instanceof Value.Str s) return new Value.Str(s.value(), SourcePos.UNKNOWN);
        if (v instanceof Value.Int i) return new Value.Int(i.value(), SourcePos.UNKNOWN);
        if (v instanceof Value.Bool b) return new Value.Bool(b.value(), SourcePos.UNKNOWN);
        return "None";
    }
}
