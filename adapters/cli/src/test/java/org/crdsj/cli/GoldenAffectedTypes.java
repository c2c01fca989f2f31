package org.crdsj.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crdsj.engine.bestrefs.Context;
import org.crdsj.engine.compare.AffectedTypes;

/**
 * A stand-in for the logical rules diff in tests: CRDS's own {@code get_affected} answers and
 * difference tuples for the corpus's context pairs, read from {@code golden-tools/diff_cases.jsonl}.
 * Registered as a service only on the test class path; the real diff replaces it in the build.
 */
public final class GoldenAffectedTypes implements AffectedTypes {
    private static final List<String> BORING = List.of("name", "derived_from", "sha1sum", "row_keys");

    private JsonNode pair(Context oldContext, Context newContext) {
        Path cases = ScratchCorpus.source().resolve("golden-tools/diff_cases.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(cases, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.contains("\"pipeline_contexts\"")) continue;
                JsonNode c = json.readTree(line);
                if (c.path("old").asText().endsWith("/" + oldContext.name()) && c.path("new").asText().endsWith("/" + newContext.name())) {
                    return c;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no golden diff for " + oldContext.name() + " -> " + newContext.name());
    }

    @Override
    public Map<String, List<String>> affected(Context oldContext, Context newContext) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        pair(oldContext, newContext).path("affected").fields().forEachRemaining(e -> {
            List<String> types = new ArrayList<>();
            e.getValue().forEach(t -> types.add(t.asText()));
            out.put(e.getKey(), types);
        });
        return out;
    }

    @Override
    public boolean headerChangesOrDeletions(Context oldContext, Context newContext) {
        JsonNode c = pair(oldContext, newContext);
        for (String field : List.of("differences", "header_differences")) {
            for (JsonNode diff : c.path(field)) {
                String text = diff.toString();
                if (BORING.stream().anyMatch(text::contains)) continue;
                String action = diff.get(diff.size() - 1).asText();
                if (action.contains("header") || action.contains("delete")) return true;
            }
        }
        return false;
    }
}
