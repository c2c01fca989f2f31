package org.crdsj.engine.golden;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Access to the shared golden corpus ({@code -Dcrds.corpus}, set by the build to ../shared/corpus). */
public final class Corpus {
    private Corpus() {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The corpus root; fails the test (never skips it) when the corpus is missing. */
    public static Path root() {
        String p = System.getProperty("crds.corpus");
        if (p == null) fail("system property crds.corpus is not set; the build sets it to ../shared/corpus");
        Path root = Path.of(p);
        if (!Files.isDirectory(root.resolve("golden"))) {
            fail("the golden corpus is missing at " + root.toAbsolutePath() + ": conformance tests cannot run");
        }
        return root;
    }

    public static Path mappings() { return root().resolve("mappings"); }

    /** Every JSON line of a corpus file. */
    public static List<JsonNode> lines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) out.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
        return out;
    }

    /** A case's {@code header} as an ordered string map. */
    public static Map<String, String> header(JsonNode c) {
        Map<String, String> h = new LinkedHashMap<>();
        c.get("header").fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asText()));
        return h;
    }
}
