package org.crdsj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads dataset headers in JSON Lines: {@code {"id": ..., "header": {KEY: "value", ...},
 * "mapping": optional}}. A line that is not such an object is reported with its line number and
 * skipped; the caller decides the exit status.
 */
final class HeaderLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dataset: its id, header (values as strings) and optional per-line mapping. */
    record Dataset(long line, String id, Map<String, String> header, String mapping) {}

    private HeaderLines() {}

    /** Calls {@code each} for every good line; returns the number of bad lines (reported via {@code bad}). */
    static long read(BufferedReader in, String source, Consumer<Dataset> each, Consumer<String> bad) throws IOException {
        long lineNo = 0, errors = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            String problem;
            try {
                JsonNode node = JSON.readTree(line);
                problem = check(node);
                if (problem == null) {
                    each.accept(toDataset(lineNo, node));
                    continue;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                problem = "invalid JSON: " + e.getOriginalMessage();
            }
            errors++;
            bad.accept(source + ":" + lineNo + ": " + problem + " (line skipped)");
        }
        return errors;
    }

    private static String check(JsonNode node) {
        if (node == null || !node.isObject()) return "expected a JSON object";
        JsonNode header = node.get("header");
        if (header == null) return "missing \"header\"";
        if (!header.isObject()) return "\"header\" must be an object of keyword: value";
        JsonNode mapping = node.get("mapping");
        if (mapping != null && !mapping.isNull() && !mapping.isTextual()) return "\"mapping\" must be a string";
        return null;
    }

    private static Dataset toDataset(long lineNo, JsonNode node) {
        Map<String, String> h = new LinkedHashMap<>();
        node.get("header").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isNull()) return;                 // CRDS drops values that are not str/int/float/bool
            if (v.isValueNode()) h.put(e.getKey(), v.isBoolean() ? (v.asBoolean() ? "True" : "False") : v.asText());
        });
        JsonNode id = node.get("id");
        JsonNode mapping = node.get("mapping");
        return new Dataset(lineNo, id == null || id.isNull() ? "line-" + lineNo : id.asText(), h,
                mapping == null || mapping.isNull() ? null : mapping.asText());
    }
}
