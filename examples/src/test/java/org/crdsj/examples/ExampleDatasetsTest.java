package org.crdsj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Checks the shape of datasets.jsonl and that expected.md answers every dataset and type. */
class ExampleDatasetsTest {

    private static final Map<String, List<String>> TYPES = Map.of(
            "COS", List.of("deadtab", "flatfile", "lamptab", "tracetab"),
            "NICMOS", List.of("darkfile", "flatfile", "tempfile", "pmskfile"));

    @Test
    void twentyDatasetsWithStringHeaders() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("datasets.jsonl"), StandardCharsets.UTF_8);
        assertEquals(20, lines.size());
        ObjectMapper json = new ObjectMapper();
        String expected = Files.readString(Path.of("expected.md"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode row = json.readTree(lines.get(i));
            String id = String.format("ex-%03d", i + 1);
            assertEquals(Set.of("id", "header"), namesOf(row));
            assertEquals(id, row.get("id").asText());
            JsonNode header = row.get("header");
            assertTrue(header.isObject(), id);
            header.properties().forEach(e -> assertTrue(e.getValue().isTextual(), id + " " + e.getKey()));
            String instrument = header.get("INSTRUME").asText();
            assertTrue(TYPES.containsKey(instrument), id + " instrument " + instrument);
            for (String type : TYPES.get(instrument)) {
                assertTrue(expected.contains("| " + id + " | " + type + " | "), "expected.md lacks " + id + " " + type);
            }
        }
    }

    private static Set<String> namesOf(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
