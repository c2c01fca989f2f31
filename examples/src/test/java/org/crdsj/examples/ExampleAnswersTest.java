package org.crdsj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crdsj.engine.bestrefs.BestRefs;
import org.crdsj.engine.bestrefs.Context;
import org.junit.jupiter.api.Test;

/**
 * The engine's answers for the example datasets equal the answers worked out by hand, with
 * reasons, in {@code examples/expected.md}.
 */
class ExampleAnswersTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir"));
    private static final Pattern ROW = Pattern.compile("^\\| (ex-\\d+) \\| (\\w+) \\| (.*?) \\| .*\\|$");

    @Test
    void engineAgreesWithTheHandWorkedAnswers() throws Exception {
        Context ctx = Context.load(EXAMPLES.resolve("context"), "hst_0100.pmap");
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXAMPLES.resolve("datasets.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode d = json.readTree(line);
            Map<String, String> header = new LinkedHashMap<>();
            d.get("header").fields().forEachRemaining(e -> header.put(e.getKey(), e.getValue().asText()));
            BestRefs refs = ctx.bestrefs(header);
            assertFalse(refs.isFailed(), d.get("id").asText());
            answers.put(d.get("id").asText(), refs.crdsDict());
        }
        int rows = 0;
        for (String line : Files.readAllLines(EXAMPLES.resolve("expected.md"))) {
            Matcher m = ROW.matcher(line.strip());
            if (!m.matches()) continue;
            rows++;
            String id = m.group(1), type = m.group(2), expected = m.group(3).strip();
            Map<String, Object> got = answers.get(id);
            if (expected.equals("(omitted)")) {
                assertFalse(got.containsKey(type), id + " " + type + " should be omitted");
                continue;
            }
            String want = expected.replaceAll("^`|`$", "").replace("\\|", "|");
            Object value = got.get(type);
            if (want.startsWith("[")) {
                List<?> list = json.readValue(want, List.class);
                assertEquals(list, value, id + " " + type);
            } else {
                assertEquals(want, value, id + " " + type);
            }
        }
        assertTrue(rows >= 20 * 3, "expected.md has a row per dataset and type");
    }
}
