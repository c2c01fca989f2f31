package org.crdsj.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads dataset headers in JSON Lines: {@code {"id": ..., "header": {KEY: "value", ...},
 * "mapping": optional}}. A line that is not such an object is reported with its line number and
 * skipped; the caller decides the exit status.
 *
 * <p>Lines of the usual shape (string or boolean values, no repeated keys) are read with the
 * streaming parser alone; any other line is read as a JSON tree, which decides its meaning and
 * its error message. Both give the same dataset for a line both can read, and a run whose lines
 * all have the usual shape never starts Jackson's data binding (a cost a short run notices).
 */
final class HeaderLines {
    private static final JsonFactory STREAMING = new JsonFactory();

    /** Jackson's tree reader, made when the first unusual line needs it. */
    private static final class Trees {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** One dataset: its id, header (values as strings) and optional per-line mapping. */
    record Dataset(long line, String id, Map<String, String> header, String mapping) {}

    private HeaderLines() {}

    /** Calls {@code each} for every good line; returns the number of bad lines (reported via {@code bad}). */
    static long read(BufferedReader in, String source, Consumer<Dataset> each, Consumer<String> bad) throws IOException {
        return read(in, source, each, bad, true);
    }

    /** As above; {@code plainFirst} false reads every line as a tree (tests compare the two ways). */
    static long read(BufferedReader in, String source, Consumer<Dataset> each, Consumer<String> bad, boolean plainFirst)
            throws IOException {
        long lineNo = 0, errors = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) continue;
            Dataset plain = plainFirst ? plain(lineNo, line) : null;
            if (plain != null) {
                each.accept(plain);
                continue;
            }
            String problem;
            try {
                JsonNode node = Trees.JSON.readTree(line);
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

    /**
     * The dataset of a line of the usual shape: one object with a string (or null) {@code id} and
     * {@code mapping}, a {@code header} object of string, boolean or null values, no key twice,
     * nothing after the object. Null for any other line (the tree reader then takes it).
     */
    private static Dataset plain(long lineNo, String line) {
        try (JsonParser p = STREAMING.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String id = null, mapping = null;
            Map<String, String> header = null;
            Set<String> fields = new HashSet<>(4);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!fields.add(field)) return null;
                switch (field) {
                    case "id":
                        if (v == JsonToken.VALUE_STRING) id = p.getText();
                        else if (v != JsonToken.VALUE_NULL) return null;
                        break;
                    case "mapping":
                        if (v == JsonToken.VALUE_STRING) mapping = p.getText();
                        else if (v != JsonToken.VALUE_NULL) return null;
                        break;
                    case "header":
                        if (v != JsonToken.START_OBJECT) return null;
                        header = plainHeader(p);
                        if (header == null) return null;
                        break;
                    default:
                        p.skipChildren();   // other fields mean nothing here
                }
            }
            if (t != JsonToken.END_OBJECT || header == null || p.nextToken() != null) return null;
            return new Dataset(lineNo, id == null ? "line-" + lineNo : id, header, mapping);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A header object's values (the parser just read its start), or null when it is not plain. */
    private static Map<String, String> plainHeader(JsonParser p) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        Set<String> nulls = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (h.containsKey(key) || (nulls != null && nulls.contains(key))) return null;
            if (v == JsonToken.VALUE_STRING) h.put(key, p.getText());
            else if (v == JsonToken.VALUE_TRUE) h.put(key, "True");
            else if (v == JsonToken.VALUE_FALSE) h.put(key, "False");
            else if (v == JsonToken.VALUE_NULL) (nulls == null ? nulls = new HashSet<>() : nulls).add(key);
            else return null;   // numbers (the tree's spelling of them), nested values
        }
        return t == JsonToken.END_OBJECT ? h : null;
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
