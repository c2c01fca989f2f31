package org.crdsj.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.crdsj.fits.ReferenceHeader;
import org.junit.jupiter.api.Test;

/**
 * {@link ReferenceHeader} (FITS, GEIS and ASDF) against the raw keyword values CRDS read from the
 * same files, recorded per refactor-insert case as {@code matching_parameters[].reference_keywords}
 * (null = the file lacks the keyword).
 */
class ReferenceHeaderGoldensTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rawKeywordValuesAgreeWithCrds() throws IOException {
        Path corpus = ScratchCorpus.source();
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("golden-tools/refactor_insert_cases.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode c = JSON.readTree(line);
            JsonNode params = c.get("matching_parameters");
            if (params == null || !params.isArray()) continue;
            List<String> refs = new ArrayList<>();
            c.get("references").forEach(n -> refs.add(n.asText()));
            for (JsonNode p : params) {
                String name = p.get("reference").asText();
                Path file = refs.stream().filter(r -> r.endsWith("/" + name)).map(corpus::resolve).findFirst().orElseThrow();
                Map<String, String> header = ReferenceHeader.read(file);
                for (Iterator<Map.Entry<String, JsonNode>> it = p.get("reference_keywords").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> kw = it.next();
                    String expected = kw.getValue().isNull() ? null : kw.getValue().asText();
                    String actual = header.get(kw.getKey());
                    checked++;
                    if (expected == null ? actual != null : !expected.equals(actual)) {
                        failures.add(name + " " + kw.getKey() + ": expected " + expected + " got " + actual);
                    }
                }
            }
        }
        System.out.println("reference header keywords: " + (checked - failures.size()) + "/" + checked + " agree");
        assertTrue(checked > 200, "too few keywords checked: " + checked);
        if (!failures.isEmpty()) fail(failures.size() + " differ:\n" + String.join("\n", failures));
    }
}
