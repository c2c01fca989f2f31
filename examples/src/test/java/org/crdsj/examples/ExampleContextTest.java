package org.crdsj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the bundled example context is complete, consistent and correctly checksummed. */
class ExampleContextTest {

    /** Surefire runs with the module directory as working directory. */
    static final Path CONTEXT = Path.of("context");

    private static final Pattern HEADER_ENTRY = Pattern.compile("^    '([a-z_]+)' : (.*),$");
    private static final Pattern SELECTED_NAME = Pattern.compile("'([^']+\\.[pir]map)'");

    private static String read(String name) throws IOException {
        return Files.readString(CONTEXT.resolve(name), StandardCharsets.UTF_8);
    }

    private static List<String> headerKeys(String text) {
        List<String> keys = new ArrayList<>();
        for (String line : text.substring(0, text.indexOf("\n}\n")).split("\n")) {
            Matcher m = HEADER_ENTRY.matcher(line);
            if (m.matches()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    private static String headerValue(String text, String key) {
        Matcher m = Pattern.compile("^    '" + key + "' : '([^']*)',$", Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), "no header entry " + key);
        return m.group(1);
    }

    @Test
    void everyMappingHasAValidChecksum() throws IOException {
        List<Path> files = ExampleChecksums.mappingFiles(CONTEXT);
        assertTrue(files.size() >= 9, "expected the pmap, two imaps and at least six rmaps: " + files);
        for (Path file : files) {
            assertTrue(ExampleChecksums.verify(file), "stale sha1sum in " + file);
        }
    }

    @Test
    void contextClosureIsExactlyTheFilesInTheDirectory() throws IOException {
        TreeSet<String> reached = new TreeSet<>();
        List<String> pending = new ArrayList<>(List.of("hst_0100.pmap"));
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (reached.add(name)) {
                String text = read(name);
                String selector = text.substring(text.indexOf("selector ="));
                Matcher m = SELECTED_NAME.matcher(selector);
                while (m.find()) {
                    pending.add(m.group(1));
                }
            }
        }
        TreeSet<String> present = new TreeSet<>();
        for (Path p : ExampleChecksums.mappingFiles(CONTEXT)) {
            present.add(p.getFileName().toString());
        }
        assertEquals(present, reached);
        assertTrue(reached.stream().filter(n -> n.endsWith(".rmap")).count() >= 6);
    }

    @Test
    void headersFollowTheCorpusLayout() throws IOException {
        for (Path file : ExampleChecksums.mappingFiles(CONTEXT)) {
            String name = file.getFileName().toString();
            String text = read(name);
            assertTrue(text.startsWith("header = {\n"), name);
            assertTrue(text.contains("\n}\n\nselector = "), name);
            List<String> keys = headerKeys(text);
            List<String> sorted = new ArrayList<>(keys);
            sorted.sort(null);
            assertEquals(sorted, keys, "header keys must be sorted in " + name);
            assertEquals(name, headerValue(text, "name"));
            assertEquals("HST", headerValue(text, "observatory"));
            assertTrue(!text.contains("\t") && !text.contains("\\"), "no tabs or backslashes: " + name);
            if (name.endsWith(".rmap")) {
                String[] parts = name.substring(0, name.length() - ".rmap".length()).split("_");
                assertEquals(4, parts.length, name);
                assertEquals(parts[1].toUpperCase(), headerValue(text, "instrument"), name);
                assertEquals(parts[2].toUpperCase(), headerValue(text, "filekind"), name);
                assertEquals("REFERENCE", headerValue(text, "mapping"), name);
            }
        }
    }

    @Test
    void useAfterDatesAreExactlyYmdHms() throws IOException {
        Pattern dateKey = Pattern.compile("^\\s+'([^']*)' : '[^']*\\.fits',$", Pattern.MULTILINE);
        Pattern exact = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        int seen = 0;
        for (Path file : ExampleChecksums.mappingFiles(CONTEXT)) {
            Matcher m = dateKey.matcher(read(file.getFileName().toString()));
            while (m.find()) {
                assertTrue(exact.matcher(m.group(1)).matches(), file + ": " + m.group(1));
                seen++;
            }
        }
        assertTrue(seen > 10, "UseAfter entries found: " + seen);
    }

    @Test
    void requiredFeaturesArePresent() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : ExampleChecksums.mappingFiles(CONTEXT)) {
            all.append(read(file.getFileName().toString()));
        }
        String text = all.toString();
        for (String feature : List.of("Match({", ": UseAfter({", ": GeometricallyNearest({",
                "'rmap_relevance' :", "'parkey_relevance' :", "'reffile_required' : 'NO'",
                ", '*')", "'N/A')", "'G130M|G160M'", "'tracetab' : 'N/A'")) {
            assertTrue(text.contains(feature), "missing feature " + feature);
        }
    }
}
